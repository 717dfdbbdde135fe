import { describe, expect, it } from "vitest";
import { buildCallRecords } from "./lei-records";
import { CallSchedule } from "./call-schedule";
import { DeviceSimulation, type DeviceReport } from "./device-state";
import { DEVICE_COUNT, buildRoster } from "./device-roster";
import { DeviceTimeline } from "./device-timeline";
import { distanceM } from "./geo";

const T0 = 1_795_359_600_000;
const MIN = 60_000;

describe("DeviceSimulation", () => {
  const sim = new DeviceSimulation(911, T0);

  it("has 48 body cameras with distinct ids, serials and officers, some unassigned", () => {
    expect(DEVICE_COUNT).toBe(48);
    const reports = sim.reportsAt(T0);
    expect(reports).toHaveLength(48);
    expect(new Set(reports.map((r) => r.device.id)).size).toBe(48);
    expect(new Set(reports.map((r) => r.device.serial)).size).toBe(48);
    const officers = reports.flatMap((r) => (r.device.officer ? [r.device.officer.badgeNumber] : []));
    expect(new Set(officers).size).toBe(officers.length);
    expect(reports.filter((r) => r.device.officer === null).length).toBeGreaterThanOrEqual(3);
    expect(new Set(reports.map((r) => r.device.model))).toEqual(new Set(["AXON_BODY_4", "AXON_BODY_3"]));
  });

  it("opens with a mix of statuses, a few offline with positions hours old", () => {
    const reports = sim.reportsAt(T0);
    const count = (s: string) => reports.filter((r) => r.status === s).length;
    expect(count("RECORDING")).toBeGreaterThanOrEqual(3);
    expect(count("BUFFERING")).toBeGreaterThanOrEqual(20);
    expect(count("DOCKED")).toBeGreaterThanOrEqual(5);
    expect(count("OFFLINE")).toBe(3);
    for (const r of reports.filter((x) => x.status === "OFFLINE")) {
      expect(T0 - r.location.at).toBeGreaterThan(60 * MIN);
      expect(r.signal).toBe("NONE");
    }
  });

  it("puts several officers near each initial caller", () => {
    const schedule = new CallSchedule(911, T0);
    const reports = sim.reportsAt(T0);
    for (const call of schedule.startedBy(T0)) {
      const recs = buildCallRecords(911, call).filter((r) => r.createdTime <= T0);
      const here = recs[recs.length - 1]!.truth;
      const near = reports.filter((r) => r.status !== "OFFLINE" && distanceM(here, r.location) < 1500);
      expect(near.length, call.kind).toBeGreaterThanOrEqual(3);
    }
  });

  /** Distinct report times of device `idx` across one segment of `status` that lasts at least `minMs`. */
  function reportsInSegment(status: string, minMs: number) {
    const roster = buildRoster(911);
    for (let idx = 0; idx < DEVICE_COUNT; idx++) {
      const timeline = new DeviceTimeline(roster[idx]!, 911, T0);
      for (let t = T0; t < T0 + 8 * 60 * MIN; ) {
        const seg = timeline.segmentAt(t);
        if (seg.status === status && seg.start >= T0 && seg.end - seg.start >= minMs) {
          const times: number[] = [];
          for (let u = seg.start; u < seg.end; u += 1000) {
            const rt = sim.lastReportTime(seg, idx, u);
            if (times[times.length - 1] !== rt) times.push(rt);
          }
          return { idx, seg, times };
        }
        t = Number.isFinite(seg.end) ? Math.max(seg.end, t + 1) : Infinity;
      }
    }
    throw new Error(`no ${status} segment of ${minMs} ms`);
  }

  it("recording cameras report about every 10 s, each report with a fresh fix", () => {
    const { idx, seg, times } = reportsInSegment("RECORDING", 3 * MIN);
    expect(times[0]).toBe(seg.start); // a status change is reported at once
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps.length).toBeGreaterThan(15);
    for (const g of gaps) {
      expect(g).toBeGreaterThanOrEqual(8_500);
      expect(g).toBeLessThanOrEqual(11_500);
    }
    const r = sim.reportsAt(times[3]! + 500)[idx]!;
    expect(r.reportedAt).toBe(times[3]);
    expect(r.location.at).toBe(times[3]);
  });

  it("buffering cameras report about every 15 min and hold position in between", () => {
    const { idx, seg, times } = reportsInSegment("BUFFERING", 35 * MIN);
    expect(times[0]).toBe(seg.start);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    for (const g of gaps) {
      expect(g).toBeGreaterThanOrEqual(15 * MIN - 40_000);
      expect(g).toBeLessThanOrEqual(15 * MIN + 40_000);
    }
    const a = sim.reportsAt(times[1]! + 1000)[idx]!;
    const b = sim.reportsAt(times[1]! + 10 * MIN)[idx]!;
    expect(b.reportedAt).toBe(a.reportedAt);
    expect(b.location).toEqual(a.location);
    expect(b.batteryPct).toBe(a.batteryPct);
  });

  it("docked cameras do not move and charge; cameras on duty drain", () => {
    const docked = reportsInSegment("DOCKED", 20 * MIN);
    const a = sim.reportsAt(docked.times[0]! + 1000)[docked.idx]!;
    const b = sim.reportsAt(docked.times[1]! + 1000)[docked.idx]!;
    expect([a.status, b.status]).toEqual(["DOCKED", "DOCKED"]);
    expect(b.location).toEqual(a.location);
    expect(b.batteryPct).toBeGreaterThan(a.batteryPct);

    const rec = reportsInSegment("RECORDING", 5 * MIN);
    const r0 = sim.reportsAt(rec.times[0]! + 1)[rec.idx]!;
    const r1 = sim.reportsAt(rec.times[rec.times.length - 1]! + 1)[rec.idx]!;
    expect(r1.batteryPct).toBeLessThan(r0.batteryPct);
  });

  it("changes statuses over time and keeps most cameras on duty for hours", () => {
    const at = (t: number) => sim.reportsAt(t).map((r) => r.status);
    let changed = 0;
    const start = at(T0);
    for (let h = 1; h <= 10; h++) {
      const now = at(T0 + h * 60 * MIN);
      changed += now.filter((s, i) => s !== start[i]).length;
      expect(now.filter((s) => s === "RECORDING" || s === "BUFFERING").length).toBeGreaterThanOrEqual(25);
    }
    expect(changed).toBeGreaterThan(50);
  });

  it("uses the documented signal vocabulary and integer batteries", () => {
    for (const r of sim.reportsAt(T0 + 17 * MIN)) {
      expect(["EXCELLENT", "GOOD", "FAIR", "POOR", "NONE"]).toContain(r.signal);
      expect(Number.isInteger(r.batteryPct)).toBe(true);
      expect(r.batteryPct).toBeGreaterThanOrEqual(1);
      expect(r.batteryPct).toBeLessThanOrEqual(100);
    }
  });

  it("is a pure function of (seed, start, t), whatever order it is asked in", () => {
    const fresh = new DeviceSimulation(911, T0);
    const late = fresh.reportsAt(T0 + 3 * 60 * MIN);
    expect(sim.reportsAt(T0 + 3 * 60 * MIN)).toEqual(late);
    expect(new DeviceSimulation(912, T0).reportsAt(T0).map((r) => r.device.officer?.lastName)).not.toEqual(
      sim.reportsAt(T0).map((r) => r.device.officer?.lastName),
    );
  });
});
