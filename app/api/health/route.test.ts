import { describe, expect, it } from "vitest";
import { dropSingleton } from "@/lib/server/singleton";
import { UpstreamError } from "@/lib/upstream/errors";
import { tracked, upstreamHealth } from "@/lib/upstream/health";
import { GET } from "./route";

const call = () => GET(new Request("http://localhost/api/health"), { params: Promise.resolve({}) });

describe("GET /api/health", () => {
  it("answers ok with each upstream's last call, the sandbox flag and the time", async () => {
    dropSingleton("upstream-health");
    await tracked(upstreamHealth(), "axon", async () => {
      throw new UpstreamError("axon", "timeout", { internal: "POST http://axon.internal/x gave no answer" });
    }).catch(() => undefined);

    const res = await call();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: "ok",
      upstreams: {
        rapidsos: { ok: null, at: null, detail: "not called yet" },
        axon: { ok: false, status: null, detail: "timeout" },
      },
    });
    expect(typeof body.sandbox).toBe("boolean");
    expect(Date.parse(String(body.time))).not.toBeNaN();
    expect(JSON.stringify(body)).not.toContain("axon.internal");
  });
});
