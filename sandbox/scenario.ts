/**
 * One scenario: the seed, the instant it started (t0), the call schedule and the device
 * simulation. Everything it answers is a function of (seed, t0, manual call events, t); the maps
 * here only memoise.
 */
import type { CallKind } from "./caller-routes";
import type { CallPlan } from "./call-plan";
import { CallSchedule, RECORD_MAX_AGE_MS, SERVE_AFTER_END_MS, type CallStatus } from "./call-schedule";
import { DeviceSimulation, type DeviceReport } from "./device-state";
import { buildCallRecords, type SimRecord } from "./lei-records";

export interface CallerSummary {
  phone: string;
  kind: CallKind;
  callerName: string | null;
  callStart: number;
  endsAt: number;
  status: CallStatus;
  recordCount: number;
  latest: { lat: number; lon: number } | null;
}

/** How big the scenario is (SANDBOX_DEVICES, SANDBOX_CALLERS, SANDBOX_DEVICE_REPORT_MS); unset: the small demo. */
export interface ScenarioSize {
  /** Body cameras, 1–10,000 (48 by default: the fixed roster). */
  devices?: number;
  /** Callers live at once, 1–300; unset: three at reset and one more about every four minutes. */
  callers?: number;
  /** Every camera that is on reports this often (ms), for benchmarks; unset: Axon's cadence. */
  deviceReportMs?: number;
}

/** The snapshot lists calls that stopped being served less than this long ago. */
const SNAPSHOT_EXPIRED_WINDOW_MS = 60 * 60_000;
/** Enough for every caller of the largest scenario (SANDBOX_CALLERS ≤ 300) and those still served. */
const RECORD_CACHE_LIMIT = 1024;

export class Scenario {
  readonly calls: CallSchedule;
  readonly devices: DeviceSimulation;
  private readonly recordCache = new Map<string, SimRecord[]>();

  constructor(
    readonly seed: number,
    readonly t0: number,
    size: ScenarioSize = {},
  ) {
    this.calls = new CallSchedule(seed, t0, size.callers);
    this.devices = new DeviceSimulation(seed, t0, { count: size.devices, reportIntervalMs: size.deviceReportMs });
  }

  /** The records LEI serves for `phone` at `t`, oldest first (empty when none). */
  servedRecords(phone: string, t: number): SimRecord[] {
    const call = this.calls.servedCall(phone, t);
    return call ? this.recordsOf(call, t) : [];
  }

  recordsOf(call: CallPlan, t: number): SimRecord[] {
    const end = this.calls.effectiveEnd(call);
    if (t >= end + SERVE_AFTER_END_MS) return [];
    const oldest = t - RECORD_MAX_AGE_MS;
    return this.allRecords(call).filter((r) => r.createdTime <= t && r.locationTime <= end && r.createdTime >= oldest);
  }

  startCall(kind: CallKind, now: number, phone?: string): CallPlan {
    return this.calls.startManual(kind, now, phone);
  }

  endCall(phone: string, now: number): CallPlan | null {
    return this.calls.endActive(phone, now);
  }

  callers(t: number): CallerSummary[] {
    return this.calls
      .startedBy(t)
      .filter((c) => t < this.calls.effectiveEnd(c) + SERVE_AFTER_END_MS + SNAPSHOT_EXPIRED_WINDOW_MS)
      .map((c) => {
        const records = this.recordsOf(c, t);
        const last = records[records.length - 1];
        return {
          phone: c.phone,
          kind: c.kind,
          callerName: c.callerName,
          callStart: c.start,
          endsAt: this.calls.effectiveEnd(c),
          status: this.calls.status(c, t),
          recordCount: records.length,
          latest: last ? { lat: Number(last.wire.latitude), lon: Number(last.wire.longitude) } : null,
        };
      });
  }

  deviceReports(t: number): DeviceReport[] {
    return this.devices.reportsAt(t);
  }

  private allRecords(call: CallPlan): SimRecord[] {
    let records = this.recordCache.get(call.id);
    if (!records) {
      if (this.recordCache.size >= RECORD_CACHE_LIMIT) this.recordCache.clear();
      records = buildCallRecords(this.seed, call);
      this.recordCache.set(call.id, records);
    }
    return records;
  }
}
