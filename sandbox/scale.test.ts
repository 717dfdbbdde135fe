import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deviceJson } from "./axon-handler";
import { CallSchedule, MAX_CALLERS } from "./call-schedule";
import { AXON_SCOPES } from "./credentials";
import { DEVICE_COUNT, MAX_DEVICES, buildRoster } from "./device-roster";
import { DeviceSimulation } from "./device-state";
import { Scenario } from "./scenario";

const T0 = 1_795_359_600_000;
const MIN = 60_000;

describe("the default scenario", () => {
  it("is exactly what it was before the scale settings existed (wire output fingerprint)", () => {
    const h = createHash("sha256");
    const scopes = new Set(AXON_SCOPES);
    for (const seed of [911, 42]) {
      const sim = new DeviceSimulation(seed, T0);
      for (const t of [T0, T0 + 7_777, T0 + 3 * MIN, T0 + 95 * MIN, T0 + 9 * 60 * MIN]) {
        h.update(JSON.stringify(sim.reportsAt(t).map((r) => deviceJson(r, scopes, "http://x", "p"))));
      }
      const cs = new CallSchedule(seed, T0);
      h.update(JSON.stringify(cs.startedBy(T0 + 180 * MIN).map((c) => [c.id, c.phone, c.kind, c.start, c.plannedEnd, c.route.id, c.callerName])));
      const sc = new Scenario(seed, T0);
      h.update(JSON.stringify(sc.callers(T0 + 20 * MIN)));
      h.update(JSON.stringify(sc.servedRecords("14125550101", T0 + 5 * MIN)));
    }
    // Computed from the code on main before SANDBOX_DEVICES / SANDBOX_CALLERS were added, then again
    // when the default scenario began serving what LEI and Axon really send (places named by Apple
    // with a page URL, every assignee): a change here must be one the scenario means to make.
    expect(h.digest("hex")).toBe("97af24390784a4fb39c8d542f41928613dfe3ee50592223533201d7381e65c95");
  });
});

describe("SANDBOX_DEVICES", () => {
  it("keeps the 48 fixed cameras first and adds distinct ones up to 10,000", () => {
    const big = buildRoster(911, MAX_DEVICES);
    const small = buildRoster(911);
    expect(big).toHaveLength(MAX_DEVICES);
    expect(big.slice(0, DEVICE_COUNT).map((d) => [d.id, d.serial, d.officer?.badgeNumber])).toEqual(
      small.map((d) => [d.id, d.serial, d.officer?.badgeNumber]),
    );
    expect(new Set(big.map((d) => d.id)).size).toBe(MAX_DEVICES);
    expect(new Set(big.map((d) => d.serial)).size).toBe(MAX_DEVICES);
    const badges = big.flatMap((d) => [d.officer, d.partner].flatMap((o) => (o ? [o.badgeNumber] : [])));
    expect(new Set(badges).size).toBe(badges.length);
  });

  it("decides camera #n by the seed and n alone, whatever the count", () => {
    const a = buildRoster(7, 1000)[700];
    const b = buildRoster(7, 5000)[700];
    expect(a).toEqual(b);
    expect(buildRoster(8, 1000)[700]?.id).not.toBe(a?.id);
  });

  it("refuses counts out of range, and a smaller roster is the first n", () => {
    expect(() => buildRoster(911, 0)).toThrow(RangeError);
    expect(() => buildRoster(911, MAX_DEVICES + 1)).toThrow(RangeError);
    expect(buildRoster(911, 10).map((d) => d.id)).toEqual(buildRoster(911).slice(0, 10).map((d) => d.id));
  });

  it("is deterministic under the seed and clock, with a realistic mix of statuses", () => {
    const one = new DeviceSimulation(911, T0, { count: 5000 });
    const two = new DeviceSimulation(911, T0, { count: 5000 });
    const t = T0 + 37 * MIN + 123;
    expect(JSON.stringify(two.reportsAt(t))).toBe(JSON.stringify(one.reportsAt(t)));
    const reports = one.reportsAt(T0);
    const share = (s: string) => reports.filter((r) => r.status === s).length / reports.length;
    expect(share("BUFFERING")).toBeGreaterThan(0.6);
    expect(share("RECORDING")).toBeGreaterThan(0.03);
    expect(share("OFFLINE")).toBeGreaterThan(0.01);
    for (const r of reports) {
      expect(r.location.lat).toBeGreaterThan(40.1);
      expect(r.location.lat).toBeLessThan(40.8);
    }
  });
});

describe("SANDBOX_DEVICE_REPORT_MS", () => {
  it("makes every camera that is on report on each interval", () => {
    const sim = new DeviceSimulation(911, T0, { count: 200, reportIntervalMs: 1000 });
    const a = sim.reportsAt(T0 + 10_000);
    const b = sim.reportsAt(T0 + 11_000);
    for (let i = 0; i < a.length; i++) {
      const [ra, rb] = [a[i]!, b[i]!];
      if (ra.status === "OFFLINE") {
        expect(rb.reportedAt).toBe(ra.reportedAt);
        continue;
      }
      if (ra.status !== rb.status) continue;
      expect(rb.reportedAt - ra.reportedAt).toBe(1000);
      if (ra.status !== "DOCKED") expect(rb.location.at).toBeGreaterThan(ra.location.at);
    }
  });

  it("leaves the default cadence alone when unset", () => {
    const sim = new DeviceSimulation(911, T0);
    const a = sim.reportsAt(T0 + 10_000);
    const b = sim.reportsAt(T0 + 11_000);
    expect(b.filter((r, i) => r.reportedAt !== a[i]!.reportedAt).length).toBeLessThan(10);
  });
});

describe("SANDBOX_CALLERS", () => {
  it("has that many callers live at reset and about that many an hour later, on distinct numbers", () => {
    const s = new CallSchedule(911, T0, MAX_CALLERS);
    const liveAt = (t: number) => s.startedBy(t).filter((c) => s.status(c, t) === "active");
    const atStart = liveAt(T0);
    expect(atStart).toHaveLength(MAX_CALLERS);
    expect(new Set(atStart.map((c) => c.phone)).size).toBe(MAX_CALLERS);
    expect(atStart.map((c) => c.phone)).toEqual(expect.arrayContaining(["14125550101", "14125550102", "14125550103"]));
    const later = liveAt(T0 + 60 * MIN);
    expect(later.length).toBeGreaterThan(MAX_CALLERS * 0.75);
    expect(later.length).toBeLessThan(MAX_CALLERS * 1.25);
    // No number serves two calls at once.
    const t = T0 + 60 * MIN;
    const served = s.startedBy(t).filter((c) => s.status(c, t) !== "expired");
    expect(new Set(served.map((c) => c.phone)).size).toBe(served.length);
  });

  it("is deterministic and serves each live caller's records", () => {
    const shape = () => new Scenario(5, T0, { callers: 50 }).callers(T0 + 30 * MIN).map((c) => [c.phone, c.callStart, c.recordCount, c.latest]);
    expect(shape()).toEqual(shape());
    const sc = new Scenario(5, T0, { callers: 50 });
    const live = sc.callers(T0 + 5 * MIN).filter((c) => c.status === "active");
    expect(live.length).toBeGreaterThanOrEqual(40);
    for (const c of live.slice(0, 10)) expect(sc.servedRecords(c.phone, T0 + 5 * MIN).length).toBeGreaterThan(0);
  });

  it("refuses counts out of range", () => {
    expect(() => new CallSchedule(911, T0, 0)).toThrow(RangeError);
    expect(() => new CallSchedule(911, T0, MAX_CALLERS + 1)).toThrow(RangeError);
  });
});
