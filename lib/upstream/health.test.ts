import { describe, expect, it } from "vitest";
import { UpstreamError } from "./errors";
import { HealthRegistry, tracked } from "./health";

describe("HealthRegistry", () => {
  it("says 'not called yet' before any call", () => {
    expect(new HealthRegistry().get("axon")).toEqual({
      ok: null,
      at: null,
      status: null,
      detail: "not called yet",
      lastOkAt: null,
    });
  });

  it("records the last outcome and remembers the last success", async () => {
    const registry = new HealthRegistry();
    await tracked(registry, "rapidsos", async () => "fine");
    const okAt = registry.get("rapidsos").lastOkAt;
    expect(registry.get("rapidsos")).toMatchObject({ ok: true, status: 200 });
    await expect(
      tracked(registry, "rapidsos", async () => {
        throw new UpstreamError("rapidsos", "unavailable", {
          upstreamStatus: 503,
          internal: "POST http://upstream.internal/v1 answered 503",
        });
      }),
    ).rejects.toThrow(UpstreamError);
    const after = registry.get("rapidsos");
    expect(after).toMatchObject({ ok: false, status: 503, detail: "HTTP 503", lastOkAt: okAt });
    expect(JSON.stringify(after)).not.toContain("upstream.internal");
    expect(registry.get("axon").ok).toBeNull();
  });

  it("counts 'nothing found' as an answer", async () => {
    const registry = new HealthRegistry();
    await tracked(registry, "rapidsos", async () => {
      throw new UpstreamError("rapidsos", "not_found", { upstreamStatus: 404 });
    }).catch(() => undefined);
    expect(registry.get("rapidsos")).toMatchObject({ ok: true, status: 404 });
  });
});
