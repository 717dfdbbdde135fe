import { describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/server/http";
import { UpstreamError, type UpstreamErrorKind } from "./errors";

describe("UpstreamError → HTTP response", () => {
  it.each<[UpstreamErrorKind, number, RegExp]>([
    ["not_found", 404, /nothing/],
    ["rate_limited", 429, /Try again in 30 seconds/],
    ["timeout", 504, /did not answer in time/],
    ["unreachable", 502, /cannot be reached/],
    ["unavailable", 502, /having a problem/],
    ["rejected", 502, /refused this server's credentials/],
    ["bad_response", 502, /could not read/],
  ])("%s → %i", async (kind, status, detail) => {
    const res = errorResponse(
      new UpstreamError("rapidsos", kind, {
        upstreamStatus: 503,
        internal: "POST http://10.0.0.1/v1/rsos/location answered 503",
      }),
    );
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: string; detail: string };
    expect(body.detail).toMatch(detail);
    expect(body.detail).toMatch(/RapidSOS/);
    // The internal description (which may name a host) never reaches the browser.
    expect(JSON.stringify(body)).not.toContain("10.0.0.1");
    expect(body.error).toBe(kind === "not_found" ? "not_found" : `upstream_${kind}`);
  });

  it("sends Retry-After with the upstream's value on a 429", async () => {
    const res = errorResponse(new UpstreamError("axon", "rate_limited", { retryAfterSeconds: 7 }));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(((await res.json()) as { detail: string }).detail).toMatch(/Axon .* 7 seconds/);
  });

  it("sends Retry-After only on a 429", () => {
    const res = errorResponse(new UpstreamError("axon", "unavailable", { retryAfterSeconds: 7 }));
    expect(res.headers.get("retry-after")).toBeNull();
  });

  it("takes a custom detail", async () => {
    const res = errorResponse(
      new UpstreamError("rapidsos", "not_found", { detail: "No location records for 14125550101." }),
    );
    expect(((await res.json()) as { detail: string }).detail).toBe(
      "No location records for 14125550101.",
    );
  });
});
