/** The RapidSOS client against the real sandbox over real HTTP. */
import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_DEFAULTS } from "@/lib/config/env";
import { decodeCursor } from "./cursor";
import { leiGetQuerySchema } from "./query";
import { Secret } from "@/lib/config/secret";
import { HealthRegistry } from "@/lib/upstream/health";
import { NO_LEI_LIMIT, serveSandbox, type ServedSandbox } from "@/sandbox/testing";
import { RapidsosClient } from "./client";
import { upstreamFailure as failure } from "@/testing/failure";

const CALLER = "14125550101";
const TOKEN_TTL_SECONDS = 120;

let sb: ServedSandbox;
beforeAll(async () => {
  sb = await serveSandbox({ tokenTtlSeconds: TOKEN_TTL_SECONDS, leiRateLimitPerMinute: NO_LEI_LIMIT });
});
afterAll(() => sb.close());
beforeEach(async () => {
  await sb.control("DELETE", "faults").catch(() => undefined);
  await sb.resetCounts();
});

function client(options: { timeoutMs?: number; secret?: string; baseUrl?: string; health?: HealthRegistry } = {}) {
  return new RapidsosClient({
    baseUrl: options.baseUrl ?? sb.rapidsosBase,
    clientId: SANDBOX_DEFAULTS.rapidsosClientId,
    clientSecret: new Secret(options.secret ?? SANDBOX_DEFAULTS.rapidsosClientSecret),
    timeoutMs: options.timeoutMs ?? 3_000,
    health: options.health ?? new HealthRegistry(),
  });
}

describe("RapidSOS LEI against the sandbox", () => {
  it("finds a live caller by any common phone format, normalised at the edge", async () => {
    const { response, records } = await client().lookup(leiGetQuerySchema.parse({ caller_id: "(412) 555-0101" }));
    expect(response.callerId).toBe(CALLER);
    expect(records.length).toBe(1); // no start/limit: only the latest record
    const r = records[0]!;
    expect(r.callerId).toBe(CALLER);
    expect(Math.abs(r.latitude)).toBeLessThanOrEqual(90);
    expect(typeof r.locationTime).toBe("number");
    expect(response.dropped).toBe(0);
  });

  it("pages through every record with opaque cursors that hold neither host nor token", async () => {
    const c = client();
    let result = await c.lookup({ callerId: CALLER, limit: 2, start: 1 });
    const times = result.records.map((r) => r.createdTime);
    let pages = 1;
    while (result.response.nextCursor) {
      const cursor = result.response.nextCursor;
      const decoded = Buffer.from(cursor, "base64url").toString();
      expect(decoded).not.toContain("127.0.0.1");
      expect(decoded).not.toContain("sandbox");
      expect(decoded).not.toMatch(/token|Bearer/i);
      result = await c.lookup({ page: decodeCursor(cursor) });
      times.push(...result.records.map((r) => r.createdTime));
      pages++;
      expect(pages).toBeLessThan(200);
    }
    expect(pages).toBeGreaterThan(1);
    expect([...times].sort((a, b) => a - b)).toEqual(times); // ascending, as LEI promises with start
    expect(new Set(times).size).toBe(times.length);
  });

  it("a caller with no records → 404 not_found with a readable detail", async () => {
    const err = await failure(client().lookup({ callerId: "14125550199" }));
    expect(err.kind).toBe("not_found");
    expect(err.status).toBe(404);
    expect(err.detail).toMatch(/no location for \+14125550199/);
  });

  it("caches the token across calls", async () => {
    const c = client();
    await c.lookup({ callerId: CALLER });
    await c.lookup({ callerId: "14125550102" });
    await c.lookup({ callerId: "14125550103" });
    expect((await sb.counts()).rapidsos).toEqual({ token: 1, location: 3, additionalData: 0 });
  });

  it("has one token refresh in flight under concurrency", async () => {
    const c = client();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => c.lookup({ callerId: CALLER, limit: i + 1 })),
    );
    expect((await sb.counts()).rapidsos).toEqual({ token: 1, location: 10, additionalData: 0 });
  });

  it("coalesces identical concurrent queries into one upstream call", async () => {
    const c = client();
    await c.lookup({ callerId: CALLER }); // token first, so only location calls are counted below
    await sb.resetCounts();
    const results = await Promise.all(
      ["(412) 555-0101", "412.555.0101", "+1 412 555 0101", "tel://14125550101", CALLER].map((id) =>
        c.lookup(leiGetQuerySchema.parse({ caller_id: id, limit: "3" })),
      ),
    );
    expect(new Set(results.map((r) => JSON.stringify(r.records))).size).toBe(1);
    expect((await sb.counts()).rapidsos.location).toBe(1);
  });

  it("an expired token (sandbox clock past its lifetime) → refresh once, retry once", async () => {
    const c = client();
    await c.lookup({ callerId: CALLER });
    await sb.advanceClock((TOKEN_TTL_SECONDS + 1) * 1000);
    await sb.resetCounts();
    const { records } = await c.lookup({ callerId: CALLER });
    expect(records.length).toBe(1);
    expect((await sb.counts()).rapidsos).toEqual({ token: 1, location: 2, additionalData: 0 });
  });

  it("wrong client credentials → rejected (502), LEI never asked", async () => {
    const err = await failure(client({ secret: "not-the-secret" }).lookup({ callerId: CALLER }));
    expect(err.kind).toBe("rejected");
    expect(err.status).toBe(502);
    expect((await sb.counts()).rapidsos.location).toBe(0);
  });

  it("uses a token RapidSOS handed us, and falls back to our own when it is refused", async () => {
    const handed = await sb.rapidsosToken();
    await sb.resetCounts();

    const c = client();
    await c.lookup({ callerId: CALLER, accessToken: new Secret(handed) });
    expect((await sb.counts()).rapidsos).toEqual({ token: 0, location: 1, additionalData: 0 });

    await c.lookup({ callerId: CALLER, accessToken: new Secret("bogus-token-from-a-webhook") });
    expect((await sb.counts()).rapidsos).toEqual({ token: 1, location: 3, additionalData: 0 });
  });

  it("429 → rate_limited with the upstream's Retry-After, not retried", async () => {
    const c = client();
    await c.lookup({ callerId: CALLER });
    await sb.resetCounts();
    await sb.fault({ upstream: "rapidsos", kind: "429", count: 1, retryAfterSeconds: 7 });
    const err = await failure(c.lookup({ callerId: CALLER }));
    expect(err.kind).toBe("rate_limited");
    expect(err.status).toBe(429);
    expect(err.retryAfterSeconds).toBe(7);
    expect(err.headers["retry-after"]).toBe("7");
    expect((await sb.counts()).rapidsos.location).toBe(1);
  });

  it("the sandbox's own rate limit surfaces as rate_limited too", async () => {
    const limited = await serveSandbox({ leiRateLimitPerMinute: 2 });
    try {
      const c = client({ baseUrl: limited.rapidsosBase });
      await c.lookup({ callerId: CALLER });
      await c.lookup({ callerId: "14125550102" });
      const err = await failure(c.lookup({ callerId: "14125550103" }));
      expect(err.kind).toBe("rate_limited");
      expect(err.retryAfterSeconds).toBeGreaterThan(0);
      expect(err.retryAfterSeconds).toBeLessThanOrEqual(60);
    } finally {
      await limited.close();
    }
  });

  it("500 → unavailable, not retried", async () => {
    const c = client();
    await c.lookup({ callerId: CALLER });
    await sb.resetCounts();
    await sb.fault({ upstream: "rapidsos", kind: "500", count: 1 });
    const err = await failure(c.lookup({ callerId: CALLER }));
    expect(err.kind).toBe("unavailable");
    expect(err.status).toBe(502);
    expect((await sb.counts()).rapidsos.location).toBe(1);
  });

  it("down → retried within the deadline; unavailable when it stays down", async () => {
    const c = client();
    await c.lookup({ callerId: CALLER });
    await sb.fault({ upstream: "rapidsos", kind: "down", count: 1 });
    await sb.resetCounts();
    expect((await c.lookup({ callerId: CALLER })).records.length).toBe(1);
    expect((await sb.counts()).rapidsos.location).toBe(2);

    await sb.fault({ upstream: "rapidsos", kind: "down", count: 50 });
    await sb.resetCounts();
    const err = await failure(c.lookup({ callerId: CALLER }));
    expect(err.kind).toBe("unavailable");
    expect((await sb.counts()).rapidsos.location).toBe(3);
  });

  it("slow → timeout at our deadline", async () => {
    const c = client({ timeoutMs: 400 });
    await c.lookup({ callerId: CALLER });
    await sb.fault({ upstream: "rapidsos", kind: "slow", count: 1, delayMs: 5_000 });
    const started = Date.now();
    const err = await failure(c.lookup({ callerId: CALLER }));
    expect(err.kind).toBe("timeout");
    expect(err.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("connection refused → unreachable", async () => {
    const port = await closedPort();
    const err = await failure(
      client({ baseUrl: `http://127.0.0.1:${port}/sandbox/rapidsos` }).lookup({ callerId: CALLER }),
    );
    expect(err.kind).toBe("unreachable");
    expect(err.status).toBe(502);
    expect(err.detail).not.toContain(String(port));
  });

  it("records each call's outcome for /api/health", async () => {
    const health = new HealthRegistry();
    const c = client({ health });
    await c.lookup({ callerId: CALLER });
    expect(health.get("rapidsos")).toMatchObject({ ok: true, status: 200 });
    await sb.fault({ upstream: "rapidsos", kind: "500", count: 1 });
    await c.lookup({ callerId: CALLER }).catch(() => undefined);
    expect(health.get("rapidsos")).toMatchObject({ ok: false, status: 500 });
  });
});

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}
