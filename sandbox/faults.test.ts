import { describe, expect, it } from "vitest";
import { FaultQueue } from "./faults";

const spec = { delayMs: 0, retryAfterSeconds: 2 };

describe("FaultQueue", () => {
  it("applies each fault to the next `count` requests of its upstream, in order", () => {
    const q = new FaultQueue();
    q.add({ upstream: "rapidsos", kind: "500", count: 2, ...spec });
    q.add({ upstream: "rapidsos", kind: "down", count: 1, ...spec });
    q.add({ upstream: "axon", kind: "429", count: 1, ...spec });
    expect(q.take("axon")?.kind).toBe("429");
    expect(q.take("axon")).toBeNull();
    expect(q.take("rapidsos")?.kind).toBe("500");
    expect(q.list().map((f) => [f.kind, f.remaining])).toEqual([["500", 1], ["down", 1]]);
    expect(q.take("rapidsos")?.kind).toBe("500");
    expect(q.take("rapidsos")?.kind).toBe("down");
    expect(q.take("rapidsos")).toBeNull();
  });

  it("clears", () => {
    const q = new FaultQueue();
    q.add({ upstream: "axon", kind: "slow", count: 3, ...spec });
    q.clear();
    expect(q.list()).toEqual([]);
  });
});
