/**
 * What each body camera last reported at a given instant. Recording cameras report about every
 * 10 s and buffering or docked ones about every 15 min, so between reports everything (position,
 * battery, signal) stays at the last report's values — exactly what a poller sees from Axon.
 */
import { buildRoster, type DeviceDef } from "./device-roster";
import { DeviceTimeline, batteryAt, distanceAt, type DeviceStatus, type Segment } from "./device-timeline";
import { displaceM, offsetM, Polyline, toLatLon } from "./geo";
import { unit } from "./rng";

export const SIGNAL_LABELS = ["NONE", "POOR", "FAIR", "GOOD", "EXCELLENT"] as const;
export type SignalLabel = (typeof SIGNAL_LABELS)[number];

const MIN = 60_000;
export const REPORT_INTERVAL_MS: Record<DeviceStatus, number> = {
  RECORDING: 10_000,
  BUFFERING: 15 * MIN,
  DOCKED: 15 * MIN,
  OFFLINE: Infinity,
};
/** Reports come a little late, never early, so report times stay in order. */
const REPORT_JITTER_MS: Record<DeviceStatus, number> = { RECORDING: 1_500, BUFFERING: 40_000, DOCKED: 40_000, OFFLINE: 0 };

export interface DeviceReport {
  device: DeviceDef;
  status: DeviceStatus;
  /** deviceUpdateTimestamp: when this report was made (UNIX ms). */
  reportedAt: number;
  batteryPct: number;
  signal: SignalLabel;
  location: { lat: number; lon: number; accuracyM: number; at: number };
  stream: { isStreamable: boolean; reason?: string };
}

export interface DeviceSimulationOptions {
  /** How many cameras (SANDBOX_DEVICES); the fixed 48 by default. */
  count?: number;
  /**
   * Every camera that is on reports this often (SANDBOX_DEVICE_REPORT_MS), exactly on the interval,
   * whatever its status: a load setting for benchmarks. Unset: Axon's cadence by status.
   */
  reportIntervalMs?: number;
}

export class DeviceSimulation {
  readonly roster: readonly DeviceDef[];
  private readonly timelines: DeviceTimeline[];
  private readonly loops = new Map<string, Polyline>();
  /** The last report built per device: between reports nothing changes, so polls reuse it. */
  private readonly lastReports: (DeviceReport | undefined)[] = [];
  private readonly reportIntervalMs: number | undefined;

  constructor(
    readonly seed: number,
    readonly t0: number,
    options: DeviceSimulationOptions = {},
  ) {
    this.roster = buildRoster(seed, options.count);
    this.timelines = this.roster.map((d) => new DeviceTimeline(d, seed, t0));
    this.reportIntervalMs = options.reportIntervalMs;
  }

  /** Every device's latest report at `t`, in roster order. */
  reportsAt(t: number): DeviceReport[] {
    return this.timelines.map((tl) => this.reportAt(tl, t));
  }

  /** When the device made its last report at or before `t`. */
  lastReportTime(seg: Segment, deviceIndex: number, t: number): number {
    const forced = this.reportIntervalMs !== undefined && seg.status !== "OFFLINE";
    const interval = forced ? (this.reportIntervalMs as number) : REPORT_INTERVAL_MS[seg.status];
    const jitter = forced ? 0 : REPORT_JITTER_MS[seg.status];
    if (!Number.isFinite(interval) || t <= seg.start) return seg.start;
    const at = (k: number) =>
      k <= 0 ? seg.start : seg.start + k * interval + Math.floor(unit(this.seed, "report", deviceIndex, seg.start, k) * jitter);
    const k = Math.floor((t - seg.start) / interval);
    const candidate = at(k);
    return candidate <= t ? candidate : at(k - 1);
  }

  private reportAt(tl: DeviceTimeline, t: number): DeviceReport {
    const device = tl.device;
    const seg = tl.segmentAt(t);
    const rt = this.lastReportTime(seg, device.index, t);
    const cached = this.lastReports[device.index];
    if (cached && cached.reportedAt === rt && cached.status === seg.status) return cached;
    const report = this.buildReport(device, seg, rt);
    this.lastReports[device.index] = report;
    return report;
  }

  private buildReport(device: DeviceDef, seg: Segment, rt: number): DeviceReport {
    const signal = this.signal(device, seg.status, rt);
    return {
      device,
      status: seg.status,
      reportedAt: rt,
      batteryPct: Math.floor(batteryAt(seg, rt)),
      signal,
      location: this.location(device, seg, rt),
      stream: streamState(device, seg.status, signal),
    };
  }

  private location(device: DeviceDef, seg: Segment, rt: number): DeviceReport["location"] {
    const u = (what: string) => unit(this.seed, what, device.index, seg.start, rt);
    if (seg.status === "DOCKED") {
      // Indoors at the dock: no movement, a coarse fix taken when it was docked.
      const station = toLatLon(device.station.at);
      const spot = offsetM(station, (unit(this.seed, "dock-n", device.index) - 0.5) * 30, (unit(this.seed, "dock-e", device.index) - 0.5) * 30);
      return { ...spot, accuracyM: round1(20 + unit(this.seed, "dock-acc", device.index, seg.start) * 25), at: seg.start };
    }
    const truth = this.loop(device).atLooped(distanceAt(seg, rt));
    const accuracy = seg.status === "RECORDING" ? 3 + u("acc") * 9 : 5 + u("acc") * 20;
    const fix = displaceM(truth, accuracy * 0.6 * Math.sqrt(u("err")), u("dir") * 2 * Math.PI);
    return { lat: round6(fix.lat), lon: round6(fix.lon), accuracyM: round1(accuracy), at: rt };
  }

  private signal(device: DeviceDef, status: DeviceStatus, rt: number): SignalLabel {
    if (status === "OFFLINE") return "NONE";
    const wobble = [-2, -1, 0, 0, 0, 1][Math.floor(unit(this.seed, "signal", device.index, rt) * 6)] as number;
    const level = status === "DOCKED" ? Math.max(3, device.signalBase) : device.signalBase + wobble;
    return SIGNAL_LABELS[Math.max(0, Math.min(4, level))] as SignalLabel;
  }

  private loop(device: DeviceDef): Polyline {
    let line = this.loops.get(device.loop.id);
    if (!line) {
      line = new Polyline(device.loop.waypoints, true);
      this.loops.set(device.loop.id, line);
    }
    return line;
  }
}

/** Invented reasons (Axon's vocabulary for `stream.reason` is not public). */
function streamState(device: DeviceDef, status: DeviceStatus, signal: SignalLabel): DeviceReport["stream"] {
  if (status === "OFFLINE") return { isStreamable: false, reason: "DEVICE_OFFLINE" };
  if (status === "DOCKED") return { isStreamable: false, reason: "DEVICE_DOCKED" };
  if (device.model !== "AXON_BODY_4") return { isStreamable: false, reason: "STREAMING_NOT_SUPPORTED" };
  if (status !== "RECORDING") return { isStreamable: false, reason: "NOT_RECORDING" };
  if (SIGNAL_LABELS.indexOf(signal) < 2) return { isStreamable: false, reason: "LOW_SIGNAL" };
  return { isStreamable: true };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const round1 = (v: number) => Math.round(v * 10) / 10;
