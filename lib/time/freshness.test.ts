import { describe, expect, it } from "vitest";
import { callerFreshness, deviceFreshness, formatAge } from "./freshness";

const now = 1_800_000_000_000;
const s = 1000;
const min = 60 * s;

describe("deviceFreshness", () => {
  it.each([
    ["recording", 30 * s, "live"],
    ["recording", 61 * s, "stale"],
    // A buffering camera reporting every 15 min is on schedule, not lost.
    ["buffering", 16 * min, "live"],
    ["buffering", 21 * min, "stale"],
    ["unknown", 6 * min, "stale"],
    ["docked", 1 * s, "inactive"],
    ["offline", 3 * 60 * min, "inactive"],
  ] as const)("%s, %i ms old → %s", (status, age, expected) => {
    expect(deviceFreshness(status, now - age, now)).toBe(expected);
  });

  it("treats a timestamp ahead of the server clock as just now", () => {
    expect(deviceFreshness("recording", now + 5 * s, now)).toBe("live");
  });
});

describe("a failing feed", () => {
  it("makes whatever it last said stale, however young, but leaves docked cameras and ended calls inactive", () => {
    expect(deviceFreshness("recording", now - 1 * s, now, true)).toBe("stale");
    expect(deviceFreshness("docked", now - 1 * s, now, true)).toBe("inactive");
    expect(callerFreshness("active", { locationTime: now - 1 * s, source: "call" }, now, true)).toBe("stale");
    expect(callerFreshness("ended", { locationTime: now - 1 * s, source: "call" }, now, true)).toBe("inactive");
  });
});

describe("callerFreshness", () => {
  it("goes stale a minute after the last voice-call fix", () => {
    expect(callerFreshness("active", { locationTime: now - 20 * s, source: "call" }, now)).toBe("live");
    expect(callerFreshness("active", { locationTime: now - 90 * s, source: "call" }, now)).toBe("stale");
  });

  it("gives text-to-911 callers longer, since fixes come per message", () => {
    expect(callerFreshness("active", { locationTime: now - 3 * min, source: "sms" }, now)).toBe("live");
    expect(callerFreshness("active", { locationTime: now - 6 * min, source: "sms" }, now)).toBe("stale");
  });

  it("an ended call is inactive whatever its age; an active one with no fix is stale", () => {
    expect(callerFreshness("ended", { locationTime: now, source: "call" }, now)).toBe("inactive");
    expect(callerFreshness("active", null, now)).toBe("stale");
  });
});

describe("formatAge", () => {
  it.each([
    [0, "0 s"],
    [59_999, "59 s"],
    [60_000, "1 min"],
    [3_599_000, "59 min"],
    [3_600_000, "1 h"],
    [3_900_000, "1 h 5 min"],
    [3 * 24 * 3_600_000, "3 d"],
  ])("%i ms → %s", (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});
