import { describe, expect, it } from "vitest";
import { hash32, Rng, unit, uuidFrom } from "./rng";

describe("hash32 / unit", () => {
  it("is deterministic and sensitive to every part", () => {
    expect(hash32(911, "device", 3)).toBe(hash32(911, "device", 3));
    expect(hash32(911, "device", 3)).not.toBe(hash32(912, "device", 3));
    expect(hash32(911, "device", 3)).not.toBe(hash32(911, "device", 4));
    expect(hash32("ab", "c")).not.toBe(hash32("a", "bc"));
  });

  it("keeps the high bits of millisecond timestamps", () => {
    const t = 1_795_359_600_000;
    expect(hash32(t)).not.toBe(hash32(t + 2 ** 32));
  });

  it("spreads values over [0, 1)", () => {
    const values = Array.from({ length: 10_000 }, (_, i) => unit("spread", i));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});

describe("Rng", () => {
  it("replays the same sequence from the same seed parts", () => {
    const a = new Rng(1, "x");
    const b = new Rng(1, "x");
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it("keeps int() within its inclusive bounds and reaches both", () => {
    const r = new Rng(7);
    const seen = new Set(Array.from({ length: 2000 }, () => r.int(2, 4)));
    expect([...seen].sort()).toEqual([2, 3, 4]);
  });

  it("shuffles without losing or duplicating items", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const out = new Rng(3).shuffle(items);
    expect(out).not.toEqual(items);
    expect([...out].sort((a, b) => a - b)).toEqual(items);
  });
});

describe("uuidFrom", () => {
  it("makes stable version-4-shaped ids", () => {
    const id = uuidFrom(911, "device", 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidFrom(911, "device", 0)).toBe(id);
    expect(uuidFrom(911, "device", 1)).not.toBe(id);
  });
});
