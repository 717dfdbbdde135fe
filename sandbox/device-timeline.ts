/**
 * A device's day as a list of segments (buffering on patrol, recording an incident, docked and
 * charging, offline), generated in order from the seed and memoised. Within a segment, position
 * and battery are linear in time, so the state at any instant is a lookup, not a simulation step.
 */
import type { DeviceDef } from "./device-roster";
import { Rng } from "./rng";

export type DeviceStatus = "RECORDING" | "BUFFERING" | "DOCKED" | "OFFLINE";

export interface Segment {
  start: number;
  /** Exclusive; Infinity for the last segment of a device that never changes again. */
  end: number;
  status: DeviceStatus;
  /** Battery % at `start` and its change per minute within the segment. */
  battery: number;
  batteryPerMin: number;
  /** Metres along the patrol loop at `start`, and speed along it. */
  distance: number;
  speedMps: number;
}

const MIN = 60_000;
/** Body-camera battery use (% per minute) and dock charging rate. */
const DRAIN: Record<"RECORDING" | "BUFFERING", number> = { RECORDING: 0.3, BUFFERING: 0.13 };
const CHARGE_PER_MIN = 1.2;

export function batteryAt(seg: Segment, t: number): number {
  const v = seg.battery + seg.batteryPerMin * ((Math.min(t, seg.end) - seg.start) / MIN);
  return Math.max(1, Math.min(100, v));
}

export function distanceAt(seg: Segment, t: number): number {
  return seg.distance + seg.speedMps * ((Math.min(t, seg.end) - seg.start) / 1000);
}

export class DeviceTimeline {
  private readonly segments: Segment[] = [];
  private readonly rng: Rng;
  private onDutySince: number;
  private shiftMs: number;

  constructor(
    readonly device: DeviceDef,
    seed: number,
    readonly t0: number,
  ) {
    this.rng = new Rng(seed, "timeline", device.index);
    const r = this.rng;
    this.onDutySince = t0 - r.range(0.5, 4) * 60 * MIN;
    this.shiftMs = r.range(4, 8) * 60 * MIN;
    const loopLen = r.range(0, 10_000);
    switch (device.role) {
      case "offline": {
        const lastSeen = Math.round(t0 - r.range(1.5, 20) * 60 * MIN);
        this.segments.push({ start: lastSeen, end: Infinity, status: "OFFLINE", battery: r.range(2, 25), batteryPerMin: 0, distance: loopLen, speedMps: 0 });
        break;
      }
      case "spare":
        this.segments.push({ start: Math.round(t0 - r.range(2, 10) * 60 * MIN), end: Infinity, status: "DOCKED", battery: 100, batteryPerMin: 0, distance: loopLen, speedMps: 0 });
        break;
      case "docked": {
        const start = Math.round(t0 - r.range(10, 90) * MIN);
        const end = Math.round(t0 + r.range(8, 70) * MIN);
        this.segments.push({ start, end, status: "DOCKED", battery: r.range(15, 70), batteryPerMin: CHARGE_PER_MIN, distance: loopLen, speedMps: 0 });
        this.onDutySince = end;
        break;
      }
      case "patrol": {
        const recording = device.recordingAtStart || r.chance(0.1);
        const start = Math.round(t0 - (recording ? r.range(1, 4) : r.range(0, 40)) * MIN);
        const status = recording ? "RECORDING" : "BUFFERING";
        const len = recording ? r.range(8, 15) : r.range(10, 60);
        this.segments.push(this.moving(status, start, Math.round(start + len * MIN), r.range(40, 100), loopLen));
        break;
      }
    }
  }

  /** The segment in force at `t` (the first one for earlier times). */
  segmentAt(t: number): Segment {
    this.extendThrough(t);
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((segs[mid] as Segment).start <= t) lo = mid;
      else hi = mid - 1;
    }
    return segs[lo] as Segment;
  }

  private moving(status: "RECORDING" | "BUFFERING", start: number, end: number, battery: number, distance: number): Segment {
    const r = this.rng;
    const foot = this.device.loop.mode === "foot";
    let speed: number;
    if (status === "BUFFERING") speed = foot ? r.range(1.1, 1.5) : r.range(4, 9);
    else speed = foot ? r.range(0, 0.8) : r.chance(0.5) ? 0 : r.range(6, 11);
    return { start, end, status, battery, batteryPerMin: -DRAIN[status], distance, speedMps: speed };
  }

  private extendThrough(t: number): void {
    for (;;) {
      const last = this.segments[this.segments.length - 1] as Segment;
      if (last.end > t) return;
      this.segments.push(this.after(last));
    }
  }

  private after(prev: Segment): Segment {
    const r = this.rng;
    const start = prev.end;
    const battery = batteryAt(prev, prev.end);
    const distance = distanceAt(prev, prev.end);
    if (prev.status === "DOCKED") {
      this.onDutySince = start;
      this.shiftMs = r.range(4, 8) * 60 * MIN;
      return this.moving("BUFFERING", start, Math.round(start + r.range(10, 45) * MIN), battery, distance);
    }
    const tired = battery < 25 || start - this.onDutySince > this.shiftMs;
    if (tired) {
      // Shift change or a flat battery: back to the dock for a while, then out again.
      const end = Math.round(start + r.range(20, 50) * MIN);
      return { start, end, status: "DOCKED", battery, batteryPerMin: CHARGE_PER_MIN, distance, speedMps: 0 };
    }
    if (prev.status === "RECORDING") {
      return this.moving("BUFFERING", start, Math.round(start + r.range(15, 60) * MIN), battery, distance);
    }
    return this.moving("RECORDING", start, Math.round(start + r.range(3, 14) * MIN), battery, distance);
  }
}
