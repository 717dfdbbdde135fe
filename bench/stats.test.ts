import { describe, expect, it } from "vitest";
import { percentile, summarize } from "./stats";

describe("benchmark statistics", () => {
  it("takes the nearest-rank p95 and the middle of an odd set", () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1); // 1..20
    expect(percentile(values, 95)).toBe(19);
    expect(percentile(values, 100)).toBe(20);
    expect(summarize([5, 1, 3])).toEqual({ n: 3, min: 1, median: 3, p95: 5, max: 5 });
  });

  it("averages the two middle values of an even set, unsorted input", () => {
    expect(summarize([40, 10, 30, 20])).toMatchObject({ median: 25, min: 10, max: 40 });
  });
});
