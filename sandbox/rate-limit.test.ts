import { describe, expect, it } from "vitest";
import { SlidingWindowLimiter } from "./rate-limit";

describe("SlidingWindowLimiter", () => {
  it("refuses the request past the limit within a sliding minute, per key", () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(3, 60_000, () => now);
    expect(limiter.hit("a").ok).toBe(true);
    now = 10_000;
    expect(limiter.hit("a").ok).toBe(true);
    expect(limiter.hit("a").ok).toBe(true);
    const refused = limiter.hit("a");
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 50 });
    expect(limiter.hit("b").ok).toBe(true);
    now = 60_001; // the first hit left the window
    expect(limiter.hit("a").ok).toBe(true);
    expect(limiter.hit("a").ok).toBe(false);
  });

  it("does not count refused requests", () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(1, 60_000, () => now);
    limiter.hit("a");
    for (let i = 0; i < 5; i++) limiter.hit("a");
    now = 60_001;
    expect(limiter.hit("a").ok).toBe(true);
  });
});
