import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSandbox, type ServedSandbox } from "./testing";

const T0 = 1_795_359_600_000;
const WALKER = "14125550101";
const TEXTER = "14125550103";

type Lei = { next: string | null; results: Record<string, string | null>[] };

let s: ServedSandbox;
let token: string;

beforeAll(async () => {
  s = await serveSandbox({ seed: 911, startRealNow: T0 });
  token = await s.rapidsosToken();
});
afterAll(() => s.close());

const auth = () => ({ authorization: `Bearer ${token}` });
const lei = (query: string, init: RequestInit = {}) =>
  fetch(`${s.rapidsosBase}/v1/rsos/location${query}`, { ...init, headers: { ...auth(), ...(init.headers ?? {}) } });

describe("POST /oauth/token", () => {
  const form = (fields: Record<string, string>) =>
    fetch(`${s.rapidsosBase}/oauth/token`, { method: "POST", body: new URLSearchParams(fields) });

  it("issues a token with every value a string, on the sandbox clock", async () => {
    const res = await form({ client_id: "sandbox-rapidsos-client", client_secret: "sandbox-rapidsos-secret", grant_type: "client_credentials" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["access_token", "expires_in", "issued_at", "token_type"]);
    expect(body).toMatchObject({ token_type: "BearerToken", expires_in: "3600", issued_at: String(s.sandbox.clock.now()) });
    for (const v of Object.values(body)) expect(typeof v).toBe("string");
  });

  it("refuses wrong credentials with 401 and the documented detail", async () => {
    const res = await form({ client_id: "sandbox-rapidsos-client", client_secret: "nope", grant_type: "client_credentials" });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ detail: "Invalid user credentials." });
  });

  it.each([
    [{ client_secret: "x", grant_type: "client_credentials" }],
    [{ client_id: "sandbox-rapidsos-client", client_secret: "sandbox-rapidsos-secret" }],
    [{ client_id: "sandbox-rapidsos-client", client_secret: "sandbox-rapidsos-secret", grant_type: "password" }],
  ])("answers 400 with a detail for %j", async (fields) => {
    const res = await form(fields);
    expect(res.status).toBe(400);
    expect(typeof ((await res.json()) as { detail: unknown }).detail).toBe("string");
  });

  it("only allows POST", async () => {
    const res = await fetch(`${s.rapidsosBase}/oauth/token`);
    expect(res.status).toBe(405);
  });
});

describe("LEI /v1/rsos/location", () => {
  it("requires caller_id, digits with country code", async () => {
    for (const q of ["", "?caller_id=", "?caller_id=4125550101", "?caller_id=%2B14125550101", "?caller_id=abc"]) {
      const res = await lei(q);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/caller_id/);
    }
  });

  it("returns only the latest record by default, every value a string or null", async () => {
    const res = await lei(`?caller_id=${WALKER}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const body = (await res.json()) as Lei;
    expect(body.next).toBeNull();
    expect(body.results).toHaveLength(1);
    const all = (await (await lei(`?caller_id=${WALKER}&limit=100`)).json()) as Lei;
    expect(body.results[0]).toEqual(all.results[all.results.length - 1]);
    const r = body.results[0]!;
    expect(Object.keys(r)).toEqual(expect.arrayContaining(["application", "altitude_uncertainty_radius", "rg_additional_info_url"]));
    expect(Object.keys(r)).toHaveLength(26);
    for (const v of Object.values(r)) expect(v === null || typeof v === "string").toBe(true);
    expect(r.caller_id).toBe(WALKER);
    expect(Number(r.created_time)).toBeLessThanOrEqual(s.sandbox.clock.now());
  });

  it("with start, returns only records created after it, ascending", async () => {
    const all = ((await (await lei(`?caller_id=${WALKER}&limit=100`)).json()) as Lei).results;
    const start = all[4]!.created_time!;
    const body = (await (await lei(`?caller_id=${WALKER}&start=${start}`)).json()) as Lei;
    const times = body.results.map((r) => Number(r.created_time));
    expect(times[0]).toBeGreaterThan(Number(start));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(body.results[0]).toEqual(all[5]);
  });

  it("pages with absolute next URLs until null, then 404s past the end", async () => {
    const first = (await (await lei(`?caller_id=${WALKER}&limit=4`)).json()) as Lei;
    expect(first.results).toHaveLength(4);
    expect(first.next).toMatch(new RegExp(`^${s.url}/sandbox/rapidsos/v1/rsos/location\\?`));
    const next = new URL(first.next!);
    expect(Object.fromEntries(next.searchParams)).toEqual({ caller_id: WALKER, limit: "4", offset: "4" });

    const collected = [...first.results];
    let url: string | null = first.next;
    let lastUrl = "";
    while (url) {
      lastUrl = url;
      const res = await fetch(url, { headers: auth() });
      expect(res.status).toBe(200);
      const page = (await res.json()) as Lei;
      collected.push(...page.results);
      url = page.next;
    }
    const all = ((await (await lei(`?caller_id=${WALKER}&limit=100`)).json()) as Lei).results;
    expect(collected).toEqual(all);
    const past = new URL(lastUrl);
    past.searchParams.set("offset", String(all.length));
    const gone = await fetch(past, { headers: auth() });
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ detail: "Not found." });
  });

  it("clamps limit to 100 and ignores values that are not positive integers", async () => {
    const big = (await (await lei(`?caller_id=${WALKER}&limit=500`)).json()) as Lei;
    const hundred = (await (await lei(`?caller_id=${WALKER}&limit=100`)).json()) as Lei;
    expect(big).toEqual(hundred);
    expect(big.results.length).toBeLessThanOrEqual(100);
    const ignored = (await (await lei(`?caller_id=${WALKER}&start=-5&limit=0`)).json()) as Lei;
    expect(ignored.results).toHaveLength(1);
    const limitOnly = (await (await lei(`?caller_id=${WALKER}&start=soon&limit=2`)).json()) as Lei;
    expect(limitOnly.results[0]).toEqual(hundred.results[0]);
  });

  it("answers POST with a tel:// query, numbers or strings, with or without a trailing slash", async () => {
    const get = (await (await lei(`?caller_id=${TEXTER}`)).json()) as Lei;
    for (const path of ["", "/"]) {
      const res = await fetch(`${s.rapidsosBase}/v1/rsos/location${path}`, {
        method: "POST",
        headers: { ...auth(), "content-type": "application/json" },
        body: JSON.stringify({ query: `tel://${TEXTER}` }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(get);
    }
    const paged = await fetch(`${s.rapidsosBase}/v1/rsos/location/`, {
      method: "POST",
      headers: { ...auth(), "content-type": "application/json" },
      body: JSON.stringify({ caller_id: WALKER, start: 1, limit: "3" }),
    });
    const body = (await paged.json()) as Lei;
    expect(body.results).toHaveLength(3);
    expect(new URL(body.next!).pathname).toBe("/sandbox/rapidsos/v1/rsos/location/");
    expect(Object.fromEntries(new URL(body.next!).searchParams)).toEqual({ caller_id: WALKER, start: "1", limit: "3", offset: "3" });
  });

  it("answers 400 for a POST without a caller or with broken JSON", async () => {
    const post = (body: string) =>
      fetch(`${s.rapidsosBase}/v1/rsos/location`, { method: "POST", headers: { ...auth(), "content-type": "application/json" }, body });
    expect((await post("{}")).status).toBe(400);
    expect((await post('{"query":"tel://4125550101"}')).status).toBe(400);
    const broken = await post("{nope");
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { detail: string }).detail).toMatch(/JSON parse error/);
  });

  it("404s for a caller with no records", async () => {
    const res = await lei("?caller_id=15555555555");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ detail: "Not found." });
  });

  it("405s other methods with an Allow header", async () => {
    const res = await lei(`?caller_id=${WALKER}`, { method: "PUT" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
    expect(await res.json()).toEqual({ detail: 'Method "PUT" not allowed.' });
  });

  it("answers 401 with gateway fault bodies for missing, invalid and expired tokens", async () => {
    const missing = await fetch(`${s.rapidsosBase}/v1/rsos/location?caller_id=${WALKER}`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ fault: { faultstring: "Invalid access token", detail: { errorcode: "oauth.v2.InvalidAccessToken" } } });
    const invalid = await fetch(`${s.rapidsosBase}/v1/rsos/location?caller_id=${WALKER}`, { headers: { authorization: "Bearer not-a-token" } });
    expect(invalid.status).toBe(401);
    expect(await invalid.json()).toEqual({ fault: { faultstring: "Invalid Access Token", detail: { errorcode: "keymanagement.service.invalid_access_token" } } });

    const short = await serveSandbox({ seed: 911, startRealNow: T0, tokenTtlSeconds: 60 });
    try {
      const t = await short.rapidsosToken();
      const call = () => fetch(`${short.rapidsosBase}/v1/rsos/location?caller_id=${WALKER}`, { headers: { authorization: `Bearer ${t}` } });
      short.sandbox.clock.advance(59_000);
      expect((await call()).status).toBe(200);
      short.sandbox.clock.advance(1_000);
      const expired = await call();
      expect(expired.status).toBe(401);
      expect(await expired.json()).toEqual({ fault: { faultstring: "Access Token expired", detail: { errorcode: "keymanagement.service.access_token_expired" } } });
    } finally {
      await short.close();
    }
  });

  it("answers 429 with Retry-After past the per-minute limit, in real time", async () => {
    const limited = await serveSandbox({ seed: 911, startRealNow: T0, leiRateLimitPerMinute: 3 });
    try {
      const t = await limited.rapidsosToken();
      const call = () => fetch(`${limited.rapidsosBase}/v1/rsos/location?caller_id=${WALKER}`, { headers: { authorization: `Bearer ${t}` } });
      for (let i = 0; i < 3; i++) expect((await call()).status).toBe(200);
      limited.real.now += 20_000;
      const refused = await call();
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("40");
      expect(await refused.json()).toEqual({ detail: "Too many requests. Please try again later" });
      // The sandbox clock does not matter, real time does.
      limited.sandbox.clock.advance(5 * 60_000);
      expect((await call()).status).toBe(429);
      limited.real.now += 40_001;
      expect((await call()).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe("LEI record lifetime", () => {
  it("stops serving a call's records 10 minutes after it ends, and never records older than 20 minutes", async () => {
    const life = await serveSandbox({ seed: 3, startRealNow: T0 });
    try {
      const t = await life.rapidsosToken();
      const get = (q: string) => fetch(`${life.rapidsosBase}/v1/rsos/location?${q}`, { headers: { authorization: `Bearer ${t}` } });
      life.sandbox.clock.pause();
      const call = life.sandbox.startCall("text", "14125550177");
      expect((await get("caller_id=14125550177")).status).toBe(404); // no message yet
      life.sandbox.clock.advance(60_000);
      expect((await get("caller_id=14125550177")).status).toBe(200);
      life.sandbox.clock.advance(call.endsAt - life.sandbox.clock.now() + 6 * 60_000);
      const late = (await (await get("caller_id=14125550177&limit=100")).json()) as Lei;
      const now = life.sandbox.clock.now();
      expect(now - call.callStart).toBeGreaterThan(20 * 60_000);
      for (const r of late.results) expect(Number(r.created_time)).toBeGreaterThanOrEqual(now - 20 * 60_000);

      // A call ended early: served for ten more minutes (frozen at its last record), then gone.
      const walk = life.sandbox.startCall("walking");
      life.sandbox.clock.advance(2 * 60_000);
      const ended = life.sandbox.endCall(walk.phone)!;
      expect(ended.endsAt).toBe(life.sandbox.clock.now());
      const atEnd = (await (await get(`caller_id=${walk.phone}`)).json()) as Lei;
      life.sandbox.clock.advance(10 * 60_000 - 1);
      const stillThere = await get(`caller_id=${walk.phone}`);
      expect(stillThere.status).toBe(200);
      expect(await stillThere.json()).toEqual(atEnd);
      life.sandbox.clock.advance(1);
      const gone = await get(`caller_id=${walk.phone}`);
      expect(gone.status).toBe(404);
      expect(await gone.json()).toEqual({ detail: "Not found." });
    } finally {
      await life.close();
    }
  });
});
