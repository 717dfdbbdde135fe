import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { serveSandbox, type ServedSandbox } from "./testing";
import type { ScenarioSnapshot } from "./types";

const T0 = 1_795_359_600_000;
let s: ServedSandbox;

beforeEach(async () => {
  s = await serveSandbox({ seed: 911, startRealNow: T0 });
});
afterEach(() => s.close());

const ctl = (path: string, method = "GET", body?: unknown) =>
  fetch(`${s.url}/sandbox/control/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
const leiAs = (token: string, phone: string) =>
  fetch(`${s.rapidsosBase}/v1/rsos/location?caller_id=${phone}`, { headers: { authorization: `Bearer ${token}` } });

describe("GET /sandbox/control/scenario", () => {
  it("describes callers, devices, clients and faults", async () => {
    const res = await ctl("scenario");
    expect(res.status).toBe(200);
    const snap = (await res.json()) as ScenarioSnapshot;
    expect(snap).toMatchObject({ seed: 911, now: T0, paused: false, scenarioStart: T0, faults: [] });
    expect(snap.callers.map((c) => [c.phone, c.kind, c.status])).toEqual(
      expect.arrayContaining([["14125550101", "walking", "active"], ["14125550102", "driving", "active"], ["14125550103", "text", "active"]]),
    );
    for (const c of snap.callers) {
      expect(c.recordCount).toBeGreaterThan(0);
      expect(c.latest?.lat).toBeCloseTo(40.44, 1);
    }
    expect(snap.devices).toHaveLength(48);
    expect(snap.devices[0]).toEqual({
      id: expect.any(String), serial: expect.any(String), model: expect.any(String), status: expect.any(String),
      batteryPct: expect.any(Number), officer: expect.anything(), location: { lat: expect.any(Number), lon: expect.any(Number) },
    });
    expect(snap.clients).toEqual({
      rapidsos: [{ clientId: "sandbox-rapidsos-client" }],
      axon: [{ clientId: "sandbox-axon-client", partnerId: "sandbox-partner", scopes: ["device.state.any.read", "respond.any.locate", "users.read"] }],
    });
  });
});

describe("POST /sandbox/control/clock", () => {
  it("pauses, advances and resumes the data clock", async () => {
    expect(await (await ctl("clock", "POST", { action: "pause" })).json()).toEqual({ now: T0, paused: true });
    s.real.now += 5_000;
    expect(await (await ctl("clock")).json()).toEqual({ now: T0, paused: true });
    expect(await (await ctl("clock", "POST", { action: "advance", ms: 60_000 })).json()).toEqual({ now: T0 + 60_000, paused: true });
    expect(await (await ctl("clock", "POST", { action: "resume" })).json()).toEqual({ now: T0 + 60_000, paused: false });
    s.real.now += 1_000;
    expect(((await (await ctl("clock")).json()) as { now: number }).now).toBe(T0 + 61_000);
  });

  it.each([[{ action: "advance" }], [{ action: "advance", ms: -5 }], [{ action: "rewind" }], ["not json"]])("400s %j", async (body) => {
    const res = await ctl("clock", "POST", body);
    expect(res.status).toBe(400);
    expect(typeof ((await res.json()) as { detail: unknown }).detail).toBe("string");
  });
});

describe("POST /sandbox/control/reset", () => {
  it("starts over: clock to real now, faults, tokens and created clients cleared", async () => {
    const token = await s.rapidsosToken();
    await ctl("clock", "POST", { action: "advance", ms: 3_600_000 });
    await ctl("faults", "POST", { upstream: "axon", kind: "500", count: 5 });
    const created = (await (await ctl("axon/clients", "POST", { scopes: ["users.read"] })).json()) as { clientId: string };
    s.real.now += 10_000;

    const res = await ctl("reset", "POST", { seed: 42 });
    expect(res.status).toBe(200);
    const snap = (await res.json()) as ScenarioSnapshot;
    expect(snap).toMatchObject({ seed: 42, now: T0 + 10_000, scenarioStart: T0 + 10_000, paused: false, faults: [] });
    expect(snap.clients.axon.map((c) => c.clientId)).toEqual(["sandbox-axon-client"]);
    expect(snap.clients.axon.map((c) => c.clientId)).not.toContain(created.clientId);
    expect((await leiAs(token, "14125550101")).status).toBe(401);
    expect((await leiAs(await s.rapidsosToken(), "14125550101")).status).toBe(200);
    // Without a seed, the current one is kept.
    expect(((await (await ctl("reset", "POST", {})).json()) as ScenarioSnapshot).seed).toBe(42);
  });

  it("tells whoever listens that the world was replaced, after the new scenario is in place", async () => {
    const seen: number[] = [];
    const stop = s.sandbox.onReset(() => seen.push(s.sandbox.snapshot().seed));
    await ctl("reset", "POST", { seed: 7 });
    expect(seen).toEqual([7]);
    stop();
    await ctl("reset", "POST", {});
    expect(seen).toEqual([7]);
  });
});

describe("/sandbox/control/faults", () => {
  it("fails the next `count` LEI requests, then recovers; token requests are not affected", async () => {
    const token = await s.rapidsosToken();
    const res = await ctl("faults", "POST", { upstream: "rapidsos", kind: "500", count: 2 });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ upstream: "rapidsos", kind: "500", remaining: 2 });
    await s.rapidsosToken();
    for (let i = 0; i < 2; i++) {
      const failed = await leiAs(token, "14125550101");
      expect(failed.status).toBe(500);
      expect(await failed.json()).toEqual({ detail: "Internal server error." });
    }
    expect((await leiAs(token, "14125550101")).status).toBe(200);
    expect(await (await ctl("faults")).json()).toEqual({ faults: [] });
  });

  it("429 sends Retry-After; down answers 503 HTML like a load balancer", async () => {
    const token = await s.axonToken();
    await ctl("faults", "POST", { upstream: "axon", kind: "429", retryAfterSeconds: 7 });
    await ctl("faults", "POST", { upstream: "axon", kind: "down" });
    const listed = (await (await ctl("faults")).json()) as { faults: { kind: string }[] };
    expect(listed.faults.map((f) => f.kind)).toEqual(["429", "down"]);
    const searchReq = () =>
      fetch(`${s.axonBase}/respond/api/v1/devices/states/search`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "client-type": "EXTERNAL", "content-type": "application/json" },
        body: "{}",
      });
    const limited = await searchReq();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(await limited.json()).toEqual({ detail: "Too many requests. Please try again later" });
    const down = await searchReq();
    expect(down.status).toBe(503);
    expect(down.headers.get("content-type")).toMatch(/text\/html/);
    expect(await down.text()).toMatch(/Service Temporarily Unavailable/);
    expect((await searchReq()).status).toBe(200);
  });

  it("slow answers normally after the delay, and gives up at once when the client leaves", async () => {
    const token = await s.rapidsosToken();
    await ctl("faults", "POST", { upstream: "rapidsos", kind: "slow", delayMs: 300 });
    const started = performance.now();
    const res = await leiAs(token, "14125550102");
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);

    s.sandbox.injectFault({ upstream: "rapidsos", kind: "slow", delayMs: 60_000 });
    const abort = new AbortController();
    const req = new Request(`${s.rapidsosBase}/v1/rsos/location?caller_id=14125550102`, {
      headers: { authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    const pending = s.sandbox.handle(req);
    setTimeout(() => abort.abort(), 50);
    const t = performance.now();
    await pending;
    expect(performance.now() - t).toBeLessThan(1_000);
  });

  it("DELETE clears them; bad input is a 400", async () => {
    await ctl("faults", "POST", { upstream: "rapidsos", kind: "down", count: 3 });
    expect(await (await ctl("faults", "DELETE")).json()).toEqual({ faults: [] });
    expect((await ctl("faults", "POST", { upstream: "rapidsos", kind: "teapot" })).status).toBe(400);
    expect((await ctl("faults", "POST", { upstream: "twitter", kind: "500" })).status).toBe(400);
    expect((await ctl("faults", "POST", { upstream: "axon", kind: "500", count: 0 })).status).toBe(400);
  });
});

describe("/sandbox/control/calls", () => {
  it("starts a call now and ends it on request", async () => {
    const token = await s.rapidsosToken();
    await ctl("clock", "POST", { action: "pause" });
    const res = await ctl("calls", "POST", { kind: "walking", phone: "+1 (412) 555-0160" });
    expect(res.status).toBe(201);
    const call = (await res.json()) as { phone: string; callStart: number; endsAt: number; kind: string };
    expect(call).toMatchObject({ phone: "14125550160", kind: "walking", callStart: T0 });
    await ctl("clock", "POST", { action: "advance", ms: 30_000 });
    expect((await leiAs(token, call.phone)).status).toBe(200);

    expect((await ctl("calls", "POST", { kind: "text", phone: "14125550160" })).status).toBe(409);
    const auto = (await (await ctl("calls", "POST", { kind: "driving" })).json()) as { phone: string };
    expect(auto.phone).toMatch(/^141255501\d\d$/);
    expect(auto.phone).not.toBe("14125550160");

    const ended = await ctl(`calls/${call.phone}/end`, "POST");
    expect(ended.status).toBe(200);
    expect(await ended.json()).toMatchObject({ phone: call.phone, endsAt: T0 + 30_000 });
    expect((await ctl(`calls/${call.phone}/end`, "POST")).status).toBe(404);
    const snap = (await (await ctl("scenario")).json()) as ScenarioSnapshot;
    expect(snap.callers.find((c) => c.phone === call.phone)?.status).toBe("ended");
  });

  it("400s bad input", async () => {
    expect((await ctl("calls", "POST", { kind: "flying" })).status).toBe(400);
    expect((await ctl("calls", "POST", { kind: "text", phone: "555-0101" })).status).toBe(400);
    expect((await ctl("calls/abc/end", "POST")).status).toBe(400);
  });
});

describe("/sandbox/control/axon/clients", () => {
  it("creates clients with chosen scopes and deletes them", async () => {
    const res = await ctl("axon/clients", "POST", { scopes: ["device.state.any.read"], name: "ECC test" });
    expect(res.status).toBe(201);
    const client = (await res.json()) as { clientId: string; partnerId: string; secret: string; scopes: string[] };
    expect(client).toMatchObject({ partnerId: "sandbox-partner", scopes: ["device.state.any.read"] });
    expect(client.secret.length).toBeGreaterThanOrEqual(32);
    await s.axonToken(client);
    expect((await ctl(`axon/clients/${client.clientId}`, "DELETE")).status).toBe(204);
    expect((await ctl(`axon/clients/${client.clientId}`, "DELETE")).status).toBe(404);
    await expect(s.axonToken(client)).rejects.toThrow(/401/);
    expect((await ctl("axon/clients", "POST", { scopes: ["admin.everything"] })).status).toBe(400);
  });

  it("changes an existing client's scopes, the app's default one too, with effect on its tokens at once", async () => {
    const token = await s.axonToken();
    const search = () =>
      fetch(`${s.axonBase}/respond/api/v1/devices/states/search`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "client-type": "EXTERNAL", "content-type": "application/json" },
        body: JSON.stringify({ from: 0, size: 5 }),
      }).then((r) => r.json() as Promise<{ data?: { attributes: Record<string, unknown> }[] }>);
    const res = await ctl("axon/clients/sandbox-axon-client/scopes", "POST", { scopes: ["device.state.any.read", "respond.any.locate"] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ scopes: ["device.state.any.read", "respond.any.locate"] });
    const hidden = await search();
    expect(hidden.data!.length).toBeGreaterThan(0);
    expect(hidden.data!.every((d) => d.attributes.assignees === undefined)).toBe(true);
    await ctl("axon/clients/sandbox-axon-client/scopes", "POST", { scopes: ["users.read"] });
    expect((await search()).data).toBeUndefined();
    expect((await ctl("axon/clients/nobody/scopes", "POST", { scopes: [] })).status).toBe(404);
    expect((await ctl("axon/clients/sandbox-axon-client/scopes", "POST", { scopes: ["x"] })).status).toBe(400);
    await ctl("reset", "POST", {});
  });
});

describe("/sandbox/control/requests", () => {
  it("counts requests per upstream endpoint and resets", async () => {
    const token = await s.rapidsosToken();
    await s.rapidsosToken();
    await leiAs(token, "14125550101");
    await leiAs("bogus", "14125550101");
    await leiAs(token, "14125550101");
    await s.axonToken();
    expect(await (await ctl("requests")).json()).toEqual({ rapidsos: { token: 2, location: 3, additionalData: 0 }, axon: { token: 1, search: 0 } });
    expect(await (await ctl("requests", "DELETE")).json()).toEqual({ rapidsos: { token: 0, location: 0, additionalData: 0 }, axon: { token: 0, search: 0 } });
  });
});

describe("routing", () => {
  it("404s unknown paths and 405s wrong methods, as JSON", async () => {
    for (const path of ["/sandbox/control/nope", "/sandbox/", "/sandbox/rapidsos/v2/whatever", "/sandbox/axon/api/v1/users"]) {
      const res = await fetch(`${s.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toEqual({ detail: "Not found." });
    }
    const res = await ctl("scenario", "DELETE");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
  });
});
