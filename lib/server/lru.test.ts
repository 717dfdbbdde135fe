import { describe, expect, it } from "vitest";
import { LruMap } from "./lru";

describe("LruMap", () => {
  it("never holds more than its size, dropping the least recently used first", () => {
    const m = new LruMap<string, number>(3);
    for (let i = 0; i < 10_000; i++) m.set(`k${i}`, i);
    expect(m.size).toBe(3);
    expect([m.has("k9997"), m.has("k9998"), m.has("k9999"), m.has("k0")]).toEqual([true, true, true, false]);
    m.get("k9997"); // now the most recent
    m.set("new", 1);
    expect(m.has("k9997")).toBe(true);
    expect(m.has("k9998")).toBe(false);
    expect(() => new LruMap(0)).toThrow();
  });
});
