/** The Axon client against the real sandbox over real HTTP. */
import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_DEFAULTS } from "@/lib/config/env";
import { Secret } from "@/lib/config/secret";
import { HealthRegistry } from "@/lib/upstream/health";
import { NO_LEI_LIMIT, serveSandbox, type ServedSandbox } from "@/sandbox/testing";
import { AxonClient } from "./client";
import { SIGNAL_BARS } from "./reshape";
import { upstreamFailure as failure } from "@/testing/failure";

const TOKEN_TTL_SECONDS = 120;
const ALL_SCOPES = ["device.state.any.read", "respond.any.locate", "users.read"];

let sb: ServedSandbox;
let totalDevices: number;

beforeAll(async () => {
  sb = await serveSandbox({ tokenTtlSeconds: TOKEN_TTL_SECONDS, leiRateLimitPerMinute: NO_LEI_LIMIT });
  totalDevices = (await client({ pageSize: 2000 }).listDevices()).devices.length;
});
afterAll(() => sb.close());
beforeEach(async () => {
  await sb.control("DELETE", "faults").catch(() => undefined);
  await sb.resetCounts();
});

interface Options {
  pageSize?: number;
  timeoutMs?: number;
  baseUrl?: string;
  credentials?: { clientId: string; partnerId: string; secret: string };
  health?: HealthRegistry;
}

function client(options: Options = {}) {
  const creds = options.credentials ?? {
    clientId: SANDBOX_DEFAULTS.axonClientId,
    partnerId: SANDBOX_DEFAULTS.axonPartnerId,
    secret: SANDBOX_DEFAULTS.axonClientSecret,
  };
  return new AxonClient({
    baseUrl: options.baseUrl ?? sb.axonBase,
    partnerId: creds.partnerId,
    clientId: creds.clientId,
    clientSecret: new Secret(creds.secret),
    pageSize: options.pageSize ?? 5,
    timeoutMs: options.timeoutMs ?? 3_000,
    health: options.health ?? new HealthRegistry(),
  });
}

describe("Axon device state against the sandbox", () => {
  it("the sandbox has more devices than one small page", () => {
    expect(totalDevices).toBeGreaterThan(5);
  });

  it("fetches every page when the page size is smaller than the fleet", async () => {
    const res = await client({ pageSize: 3 }).listDevices();
    expect(res.devices).toHaveLength(totalDevices);
    expect(new Set(res.devices.map((d) => d.id)).size).toBe(totalDevices);
    expect(res.dropped).toBe(0);
    expect(res.notice).toBeUndefined();
    expect((await sb.counts()).axon).toEqual({ token: 1, search: Math.ceil(totalDevices / 3) });
  });

  it("reshapes devices into our vocabulary", async () => {
    const { devices, agency } = await client().listDevices();
    expect(agency).toEqual(expect.any(String));
    for (const d of devices) {
      expect(["recording", "buffering", "docked", "offline", "unknown"]).toContain(d.status);
      expect(d.rawStatus.toLowerCase() === d.status || d.status === "unknown").toBe(true);
      if (d.signal) expect(d.signal.bars).toBe(SIGNAL_BARS[d.signal.label] ?? null);
      if (d.batteryPct !== null) expect(d.batteryPct).toBeGreaterThanOrEqual(0);
      if (d.location) expect(Math.abs(d.location.latitude)).toBeLessThanOrEqual(90);
      expect(d.agency).toBe(agency);
    }
    expect(devices.some((d) => d.location !== null)).toBe(true);
    expect(devices.some((d) => d.officer !== null)).toBe(true);
    const officer = devices.find((d) => d.officer)!.officer!;
    expect(officer.name).toBe(`${officer.firstName} ${officer.lastName}`);
  });

  it("caches the token and coalesces concurrent listings", async () => {
    const c = client({ pageSize: 2000 });
    await c.listDevices();
    await Promise.all(Array.from({ length: 6 }, () => c.listDevices()));
    expect((await sb.counts()).axon).toEqual({ token: 1, search: 2 });
  });

  it("an expired token (sandbox clock past its lifetime) → refresh once, retry once", async () => {
    const c = client({ pageSize: 2000 });
    await c.listDevices();
    await sb.advanceClock((TOKEN_TTL_SECONDS + 1) * 1000);
    await sb.resetCounts();
    const res = await c.listDevices();
    expect(res.devices.length).toBeGreaterThan(0);
    expect((await sb.counts()).axon).toEqual({ token: 1, search: 2 });
  });

  it("a deleted API client → rejected", async () => {
    const creds = await sb.createAxonClient(ALL_SCOPES);
    const c = client({ credentials: creds, pageSize: 2000 });
    expect((await c.listDevices()).devices.length).toBeGreaterThan(0);
    await sb.deleteAxonClient(creds.clientId);
    const err = await failure(c.listDevices());
    expect(err.kind).toBe("rejected");
    expect(err.status).toBe(502);
    expect(err.detail).toMatch(/Axon refused this server's credentials/);
  });

  it("without Respond any.locate: devices but no locations", async () => {
    const creds = await sb.createAxonClient(["device.state.any.read", "users.read"]);
    const { devices } = await client({ credentials: creds }).listDevices();
    expect(devices).toHaveLength(totalDevices);
    expect(devices.every((d) => d.location === null)).toBe(true);
    expect(devices.some((d) => d.officer !== null)).toBe(true);
  });

  it("without Users read: devices but no officers", async () => {
    const creds = await sb.createAxonClient(["device.state.any.read", "respond.any.locate"]);
    const { devices } = await client({ credentials: creds }).listDevices();
    expect(devices).toHaveLength(totalDevices);
    expect(devices.every((d) => d.officer === null && d.officerHidden)).toBe(true);
    expect(devices.some((d) => d.location !== null)).toBe(true);
  });

  it("without Device state.any.read: no data, no devices, and a notice naming the scope", async () => {
    const creds = await sb.createAxonClient(["respond.any.locate", "users.read"]);
    const answer = await client({ credentials: creds }).listDevices();
    expect(answer.devices).toEqual([]);
    expect(answer.notice).toMatch(/state\.any\.read/);
  });

  it("429 → rate_limited with Retry-After, not retried", async () => {
    const c = client({ pageSize: 2000 });
    await c.listDevices();
    await sb.resetCounts();
    await sb.fault({ upstream: "axon", kind: "429", count: 1, retryAfterSeconds: 9 });
    const err = await failure(c.listDevices());
    expect(err.kind).toBe("rate_limited");
    expect(err.retryAfterSeconds).toBe(9);
    expect((await sb.counts()).axon.search).toBe(1);
  });

  it("500 → unavailable; down for good → unavailable after bounded retries", async () => {
    const c = client({ pageSize: 2000 });
    await c.listDevices();
    await sb.fault({ upstream: "axon", kind: "500", count: 1 });
    expect((await failure(c.listDevices())).kind).toBe("unavailable");
    await sb.fault({ upstream: "axon", kind: "down", count: 50 });
    await sb.resetCounts();
    expect((await failure(c.listDevices())).kind).toBe("unavailable");
    expect((await sb.counts()).axon.search).toBe(3);
  });

  it("slow → timeout at our deadline", async () => {
    const c = client({ pageSize: 2000, timeoutMs: 400 });
    await c.listDevices();
    await sb.fault({ upstream: "axon", kind: "slow", count: 1, delayMs: 5_000 });
    const started = Date.now();
    expect((await failure(c.listDevices())).kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("connection refused → unreachable", async () => {
    const port = await closedPort();
    const err = await failure(client({ baseUrl: `http://127.0.0.1:${port}/sandbox/axon` }).listDevices());
    expect(err.kind).toBe("unreachable");
  });

  it("records health", async () => {
    const health = new HealthRegistry();
    await client({ health, pageSize: 2000 }).listDevices();
    expect(health.get("axon")).toMatchObject({ ok: true, status: 200 });
  });
});

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}
