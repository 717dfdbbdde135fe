/** "Test connection" against the real sandbox over real HTTP: ok, refused, failing, unreachable. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_DEFAULTS, type AppConfig } from "@/lib/config/env";
import { Secret } from "@/lib/config/secret";
import { HealthRegistry } from "@/lib/upstream/health";
import { NO_LEI_LIMIT, serveSandbox, type ServedSandbox } from "@/sandbox/testing";
import { PROBE_NUMBER, testUpstream } from "./upstream-test";

let sb: ServedSandbox;
beforeAll(async () => {
  sb = await serveSandbox({ leiRateLimitPerMinute: NO_LEI_LIMIT });
});
afterAll(() => sb.close());
beforeEach(async () => {
  await sb.control("DELETE", "faults");
  await sb.resetCounts();
});

type Config = Pick<AppConfig, "rapidsos" | "axon" | "upstreamTimeoutMs">;

function config(over: { rapidsosSecret?: string; axon?: { clientId: string; partnerId: string; secret: string }; axonBase?: string } = {}): Config {
  const axon = over.axon ?? { clientId: SANDBOX_DEFAULTS.axonClientId, partnerId: SANDBOX_DEFAULTS.axonPartnerId, secret: SANDBOX_DEFAULTS.axonClientSecret };
  return {
    rapidsos: { baseUrl: sb.rapidsosBase, clientId: SANDBOX_DEFAULTS.rapidsosClientId, clientSecret: new Secret(over.rapidsosSecret ?? SANDBOX_DEFAULTS.rapidsosClientSecret) },
    axon: { baseUrl: over.axonBase ?? sb.axonBase, partnerId: axon.partnerId, clientId: axon.clientId, clientSecret: new Secret(axon.secret), pageSize: 100, pollIntervalMs: 5000 },
    upstreamTimeoutMs: 2_000,
  };
}

/** Nothing a test result says may include a secret, a token or an upstream URL. */
function expectNothingSecret(result: unknown, ...secrets: string[]) {
  const text = JSON.stringify(result);
  for (const s of [...secrets, SANDBOX_DEFAULTS.rapidsosClientSecret, SANDBOX_DEFAULTS.axonClientSecret, sb.url, "Bearer", "http"]) {
    expect(text).not.toContain(s);
  }
}

describe("upstream connection test", () => {
  it("LEI: a fresh token, then one query that RapidSOS answers 'not found' counts as success", async () => {
    const health = new HealthRegistry();
    const result = await testUpstream("rapidsos", { config: config(), health });
    expect(result).toMatchObject({ upstream: "rapidsos", ok: true, failedStep: null, status: 404, summary: "answered: nothing found" });
    expect(result.detail).toMatch(/issued a token and answered/);
    expect(result.health).toMatchObject({ ok: true, lastOkAt: result.at });
    expect(await sb.counts()).toMatchObject({ rapidsos: { token: 1, location: 1 } });
    expect(PROBE_NUMBER).not.toMatch(/^1412/);
    expectNothingSecret(result);
  });

  it("Axon: a fresh token, then one device-search page of size 1", async () => {
    const result = await testUpstream("axon", { config: config(), health: new HealthRegistry() });
    expect(result).toMatchObject({ upstream: "axon", ok: true, status: 200 });
    expect(result.detail).toMatch(/\(48 devices visible\)/);
    expect(await sb.counts()).toMatchObject({ axon: { token: 1, search: 1 } });
    expectNothingSecret(result);
  });

  it("takes a fresh token every time, so a deleted client fails at once", async () => {
    const client = await sb.createAxonClient(["device.state.any.read", "respond.any.locate", "users.read"]);
    const cfg = config({ axon: client });
    expect((await testUpstream("axon", { config: cfg, health: new HealthRegistry() })).ok).toBe(true);
    await sb.deleteAxonClient(client.clientId);
    const health = new HealthRegistry();
    const result = await testUpstream("axon", { config: cfg, health });
    expect(result).toMatchObject({ ok: false, failedStep: "token", summary: "credentials refused" });
    expect(result.detail).toBe("Axon refused this server's credentials. An administrator needs to check the Axon connection.");
    expect(health.get("axon")).toMatchObject({ ok: false, detail: "credentials refused", lastOkAt: null });
    expectNothingSecret(result, client.secret);
  });

  it("reports a wrong RapidSOS secret as refused credentials, without the secret", async () => {
    const result = await testUpstream("rapidsos", { config: config({ rapidsosSecret: "wrong-secret-value" }), health: new HealthRegistry() });
    expect(result).toMatchObject({ ok: false, failedStep: "token", summary: "credentials refused" });
    expectNothingSecret(result, "wrong-secret-value");
  });

  it("reports an upstream failing with HTTP 500 in the app's own words", async () => {
    await sb.fault({ upstream: "axon", kind: "500", count: 3 });
    const result = await testUpstream("axon", { config: config(), health: new HealthRegistry() });
    expect(result).toMatchObject({ ok: false, failedStep: "request", status: 500, summary: "HTTP 500" });
    expect(result.detail).toBe("Axon is having a problem and could not answer. Try again in a moment.");
    expectNothingSecret(result);
  });

  it("reports a client without the device scope as a permission problem", async () => {
    const client = await sb.createAxonClient(["users.read"]);
    const result = await testUpstream("axon", { config: config({ axon: client }), health: new HealthRegistry() });
    expect(result).toMatchObject({ ok: false, failedStep: "request" });
    expect(result.detail).toMatch(/lacks the Device state\.any\.read scope|lacks a permission/);
    expectNothingSecret(result, client.secret);
  });

  it("reports an unreachable host without naming it", async () => {
    const result = await testUpstream("axon", { config: config({ axonBase: "http://127.0.0.1:9/axon" }), health: new HealthRegistry() });
    expect(result).toMatchObject({ ok: false, failedStep: "token", summary: "unreachable" });
    expect(result.detail).toMatch(/cannot be reached from this server/);
    expectNothingSecret(result, "127.0.0.1:9");
  });
});
