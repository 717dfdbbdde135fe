import { describe, expect, it } from "vitest";
import { OTHER_SOURCES, RejectionLimiter, type FloodRow } from "./rejection-limiter";

const T0 = Date.parse("2026-11-23T10:00:00.000Z");
const policy = { capacity: 3, refillPerMinute: 6, maxSources: 4 };

function limiter() {
  const written: FloodRow[] = [];
  return { written, limiter: new RejectionLimiter(policy, async (rows) => void written.push(...rows)) };
}

describe("the Data Share rejection limiter", () => {
  it("audits a burst of rejections one by one, then refuses with the time until the next token", () => {
    const { limiter: l } = limiter();
    const answers = Array.from({ length: 5 }, (_, i) => l.admit("198.51.100.1", "signature_mismatch", T0 + i));
    expect(answers.slice(0, 3)).toEqual([{ audit: true }, { audit: true }, { audit: true }]);
    // 6 tokens a minute: one every 10 s.
    expect(answers[3]).toEqual({ audit: false, retryAfterSeconds: 10 });
    expect(l.admit("198.51.100.1", "signature_mismatch", T0 + 10_000)).toEqual({ audit: true });
    // Another source has its own bucket.
    expect(l.admit("198.51.100.2", "signature_missing", T0 + 10_000)).toEqual({ audit: true });
  });

  it("counts refusals per source per minute, with reasons, and writes them once the minute is over", async () => {
    const { limiter: l, written } = limiter();
    for (let i = 0; i < 10; i++) l.admit("198.51.100.3", i % 2 ? "signature_mismatch" : "signature_missing", T0 + i * 100);
    for (let i = 0; i < 5; i++) l.admit("198.51.100.3", "too_large", T0 + 60_000 + i);
    expect(await l.flush(T0 + 59_000)).toBe(0);
    expect(await l.flush(T0 + 61_000)).toBe(1);
    expect(written).toEqual([
      {
        source: "198.51.100.3",
        minute: "2026-11-23T10:00:00.000Z",
        throttled: 7,
        reasons: { signature_mismatch: 4, signature_missing: 3 },
        firstAt: "2026-11-23T10:00:00.300Z",
        lastAt: "2026-11-23T10:00:00.900Z",
      },
    ]);
    expect(await l.flush(T0 + 61_000, true)).toBe(1);
    // A minute later the bucket was full again: three of the five were audited one by one.
    expect(written[1]).toMatchObject({ minute: "2026-11-23T10:01:00.000Z", throttled: 2, reasons: { too_large: 2 } });
  });

  it("stays bounded when every request claims a new source", () => {
    const { limiter: l } = limiter();
    for (let i = 0; i < 1000; i++) {
      for (let k = 0; k < 4; k++) l.admit(`203.0.113.${i % 250}.${i}`, "signature_mismatch", T0 + i);
    }
    expect(l.size.buckets).toBeLessThanOrEqual(policy.maxSources);
    expect(l.size.pending).toBeLessThanOrEqual(policy.maxSources + 1);
  });

  it("counts sources beyond the bound together rather than dropping them", async () => {
    const { limiter: l, written } = limiter();
    for (let s = 0; s < 6; s++) for (let i = 0; i < 4; i++) l.admit(`192.0.2.${s}`, "signature_mismatch", T0 + i);
    await l.flush(T0, true);
    expect(written.reduce((n, r) => n + r.throttled, 0)).toBe(6);
    expect(written.find((r) => r.source === OTHER_SOURCES)?.throttled).toBe(2);
  });
});
