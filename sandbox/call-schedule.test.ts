import { describe, expect, it } from "vitest";
import { CallSchedule, INITIAL_PHONES, PhoneInUseError, SERVE_AFTER_END_MS } from "./call-schedule";

const T0 = 1_795_359_600_000;
const MIN = 60_000;

describe("CallSchedule", () => {
  it("opens with the three initial calls in progress, with history", () => {
    const s = new CallSchedule(911, T0);
    const calls = s.startedBy(T0);
    expect(calls.map((c) => [c.phone, c.kind])).toEqual(
      expect.arrayContaining([["14125550101", "walking"], ["14125550102", "driving"], ["14125550103", "text"]]),
    );
    expect(calls).toHaveLength(3);
    for (const c of calls) {
      expect(c.start).toBeLessThan(T0 - MIN);
      expect(s.status(c, T0)).toBe("active");
    }
    expect(calls.find((c) => c.kind === "walking")?.route.id).toBe("walk-market-square-to-point");
    expect(calls.find((c) => c.kind === "driving")?.route.id).toBe("drive-parkway-east");
  });

  it("plans durations by kind: walking ~12, driving ~9, text ~15 minutes", () => {
    for (const seed of [1, 2, 3, 911]) {
      const byKind = Object.fromEntries(new CallSchedule(seed, T0).startedBy(T0).map((c) => [c.kind, (c.plannedEnd - c.start) / MIN]));
      expect(byKind.walking).toBeGreaterThanOrEqual(11);
      expect(byKind.walking).toBeLessThanOrEqual(13.5);
      expect(byKind.driving).toBeGreaterThanOrEqual(8);
      expect(byKind.driving).toBeLessThanOrEqual(10);
      expect(byKind.text).toBeGreaterThanOrEqual(14);
      expect(byKind.text).toBeLessThanOrEqual(16.5);
    }
  });

  it("keeps new calls coming about every four minutes, kinds rotating, usually three or more live", () => {
    const s = new CallSchedule(911, T0);
    const later = s.startedBy(T0 + 8 * 60 * MIN).filter((c) => c.origin === "scheduled");
    const gaps = later.slice(1).map((c, i) => (c.start - later[i]!.start) / MIN);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(4.5);
    expect(later.slice(0, 6).map((c) => c.kind)).toEqual(["walking", "driving", "text", "walking", "driving", "text"]);
    let threeOrMore = 0;
    let samples = 0;
    for (let t = T0; t < T0 + 8 * 60 * MIN; t += MIN) {
      const live = s.startedBy(t).filter((c) => s.status(c, t) === "active").length;
      expect(live).toBeGreaterThanOrEqual(1);
      if (live >= 3) threeOrMore += 1;
      samples += 1;
    }
    expect(threeOrMore / samples).toBeGreaterThan(0.6);
  });

  it("uses 555-01xx numbers and never reuses one while its records are still served", () => {
    const s = new CallSchedule(7, T0);
    const calls = s.startedBy(T0 + 12 * 60 * MIN);
    for (const c of calls) expect(c.phone).toMatch(/^141255501\d\d$/);
    for (const a of calls) {
      for (const b of calls) {
        if (a === b || a.phone !== b.phone || b.start < a.start) continue;
        expect(b.start).toBeGreaterThanOrEqual(s.effectiveEnd(a) + SERVE_AFTER_END_MS);
      }
    }
    expect(new Set(calls.map((c) => c.phone)).size).toBeGreaterThan(90);
  });

  it("serves a call until ten minutes after it ends", () => {
    const s = new CallSchedule(911, T0);
    const walking = s.servedCall(INITIAL_PHONES[0], T0)!;
    const end = s.effectiveEnd(walking);
    expect(s.servedCall(INITIAL_PHONES[0], end + SERVE_AFTER_END_MS - 1)).toBe(walking);
    expect(s.status(walking, end + 1)).toBe("ended");
    expect(s.servedCall(INITIAL_PHONES[0], end + SERVE_AFTER_END_MS)).toBeNull();
    expect(s.status(walking, end + SERVE_AFTER_END_MS)).toBe("expired");
  });

  it("starts and ends calls on request, refusing a number still in use", () => {
    const s = new CallSchedule(911, T0);
    const now = T0 + 30_000;
    expect(() => s.startManual("walking", now, INITIAL_PHONES[1])).toThrow(PhoneInUseError);
    const mine = s.startManual("text", now, "14125550150");
    expect(mine).toMatchObject({ phone: "14125550150", kind: "text", start: now, origin: "manual" });
    const auto = s.startManual("driving", now);
    expect(auto.phone).not.toBe("14125550150");
    expect(s.isBusy(auto.phone, now)).toBe(true);

    expect(s.endActive("14125550150", now + MIN)?.id).toBe(mine.id);
    expect(s.effectiveEnd(mine)).toBe(now + MIN);
    expect(s.endActive("14125550150", now + 2 * MIN)).toBeNull();
    // No later scheduled call takes the manual number while it is still served.
    for (const c of s.startedBy(now + 12 * MIN)) {
      if (c.phone === "14125550150" && c !== mine) expect(c.start).toBeGreaterThanOrEqual(now + 11 * MIN);
    }
  });

  it("does not renumber calls that already started when a manual call arrives", () => {
    const a = new CallSchedule(5, T0);
    const b = new CallSchedule(5, T0);
    const now = T0 + 20 * MIN;
    const before = a.startedBy(now).map((c) => [c.id, c.phone]);
    b.startManual("walking", now);
    expect(b.startedBy(now).filter((c) => c.origin !== "manual").map((c) => [c.id, c.phone])).toEqual(before);
  });

  it("is deterministic per seed and differs across seeds", () => {
    const shape = (seed: number) => new CallSchedule(seed, T0).startedBy(T0 + 60 * MIN).map((c) => [c.phone, c.start, c.plannedEnd, c.route.id, c.callerName]);
    expect(shape(42)).toEqual(shape(42));
    expect(shape(42)).not.toEqual(shape(43));
  });
});
