/**
 * The live path at center scale, over real HTTP against the production build and its sandbox:
 * however many consoles poll, Axon sees the cluster's one poller; an unchanged poll is a 304;
 * upstream trouble reaches consoles as last data marked stale, never as their own 429 or 502.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startApp, type RunningApp } from "@/testing/app-server";

const POLL_MS = 1_000;
const LEI_POLL_MS = 1_000;
let app: RunningApp;
let cookie: string;

beforeAll(async () => {
  app = await startApp({ AXON_POLL_INTERVAL_MS: String(POLL_MS), DATASHARE_POLL_INTERVAL_MS: String(LEI_POLL_MS) });
  cookie = await signIn(app.url, "telecommunicator@sandbox.local", "sandbox-demo");
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

/** Requests to one running app: its API as the signed-in telecommunicator, and its sandbox's control API. */
function requestsTo(target: () => { app: RunningApp; cookie: string }) {
  return {
    get: (path: string, headers: Record<string, string> = {}) =>
      fetch(`${target().app.url}${path}`, { headers: { cookie: target().cookie, ...headers } }),
    control: (path: string, method = "GET", body?: unknown) =>
      fetch(`${target().app.url}/sandbox/control/${path}`, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}
const { get, control } = requestsTo(() => ({ app, cookie }));
const axonSearches = async () => ((await (await control("requests")).json()) as { axon: { search: number } }).axon.search;

interface Snapshot {
  version: number;
  devices: { id: string }[];
  serverTime: number;
  upstream: { ok: boolean; status: number | null; detail: string | null };
}

describe("device state for a whole center", () => {
  it("costs Axon one search per poll interval, whatever the number of consoles", async () => {
    await (await get("/api/devices")).json(); // the first poll has answered
    await control("requests", "DELETE");
    const started = Date.now();
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(Array.from({ length: 60 }, () => get("/api/devices")));
      expect(answers.every((r) => r.status === 200)).toBe(true);
      await Promise.all(answers.map((r) => r.arrayBuffer()));
      await new Promise((r) => setTimeout(r, 500));
    }
    const elapsed = Date.now() - started;
    // 180 console requests; the sandbox's 48 cameras fit one page, so one search per poll.
    expect(await axonSearches()).toBeLessThanOrEqual(Math.ceil(elapsed / POLL_MS) + 1);
  });

  it("answers 304 to a console that has the current version, the changes to one a little behind", async () => {
    const full = (await (await get("/api/devices")).json()) as Snapshot;
    expect(full.devices.length).toBeGreaterThan(0);
    const same = await get(`/api/devices?since=${full.version}`);
    if (same.status === 304) {
      expect(Number(same.headers.get("x-server-time"))).toBeGreaterThan(0);
      expect(await same.text()).toBe("");
    } else {
      // The poller moved on between the two requests: then it is a delta from our version.
      expect(((await same.json()) as { delta: { from: number } }).delta.from).toBe(full.version);
    }
    // Recording cameras move within seconds: a later poll has a delta from the version we held.
    await new Promise((r) => setTimeout(r, 3 * POLL_MS));
    const later = await get(`/api/devices?since=${full.version}`);
    expect(later.status).toBe(200);
    const { delta } = (await later.json()) as { delta: { from: number; version: number; changed: unknown[] } };
    expect(delta.from).toBe(full.version);
    expect(delta.version).toBeGreaterThan(full.version);
    expect(delta.changed.length).toBeGreaterThan(0);
    expect(delta.changed.length).toBeLessThan(full.devices.length);
    // A version this server never had: the whole state.
    const unknown = (await (await get("/api/devices?since=1")).json()) as Snapshot;
    expect(unknown.devices.length).toBe(full.devices.length);
  });

  it("keeps the last devices through an Axon outage, marked, and recovers by itself", async () => {
    const before = (await (await get("/api/devices")).json()) as Snapshot;
    for (const kind of ["429", "500"] as const) {
      await control("faults", "POST", { upstream: "axon", kind, count: 10_000, retryAfterSeconds: 1 });
      const during = await waitFor(async () => {
        const res = await get("/api/devices");
        expect(res.status).toBe(200); // never the upstream's 429 or 500
        const body = (await res.json()) as Snapshot;
        return body.upstream.ok ? undefined : body;
      });
      expect(during.devices.length).toBe(before.devices.length);
      expect(during.upstream.status).toBe(kind === "429" ? 429 : 502);
      await control("faults", "DELETE");
      await waitFor(async () => ((await (await get("/api/devices")).json()) as Snapshot).upstream.ok || undefined);
    }
  });
});

describe("the call list", () => {
  it("answers 304 while nothing changed, and the new list once a call opens", async () => {
    const first = await get("/api/calls");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"c/);
    const again = await get("/api/calls", { "if-none-match": etag });
    // A tracker tick may land between the two (sandbox callers move): then a new tag, never the old one.
    if (again.status === 200) expect(again.headers.get("etag")).not.toBe(etag);
    else expect(again.status).toBe(304);

    const opened = await fetch(`${app.url}/api/calls`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ phone: "412-555-0101" }),
    });
    expect(opened.status).toBe(200);
    const after = await get("/api/calls", { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
  });
});

describe("caller lookups for a whole center", () => {
  const lookup = () => get("/api/lei/location?caller_id=412-555-0103");
  const leiRequests = async () => ((await (await control("requests")).json()) as { rapidsos: { location: number } }).rapidsos.location;

  it("cost LEI at most one request per live caller per interval, however many, and each is audited", async () => {
    expect((await lookup()).status).toBe(200); // the first one goes to LEI; the number is tracked from now on
    await new Promise((r) => setTimeout(r, 2 * LEI_POLL_MS)); // the tracker has polled it
    await control("requests", "DELETE");
    const supervisor = await signIn(app.url, "supervisor@sandbox.local", "sandbox-demo");
    const audited = async () =>
      ((await (await fetch(`${app.url}/api/audit?action=lei.lookup&limit=1000`, { headers: { cookie: supervisor } })).json()) as { rows: unknown[] }).rows.length;
    const auditedBefore = await audited();
    const started = Date.now();
    for (let round = 0; round < 6; round++) {
      const answers = await Promise.all(Array.from({ length: 10 }, lookup));
      expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
      const body = (await answers[0]!.json()) as { records: unknown[]; source: string };
      expect(body.records).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 500));
    }
    const intervals = Math.ceil((Date.now() - started) / LEI_POLL_MS) + 1;
    // Two live callers are tracked here: this one, and 412-555-0101 opened by the call-list test.
    // Sixty lookups through LEI would have cost sixty requests; the tracker's one a caller is all.
    expect(await leiRequests()).toBeLessThanOrEqual(2 * intervals);
    expect((await audited()) - auditedBefore).toBeGreaterThanOrEqual(60);
  });

  it("never passes LEI's 429 to a console that has data to show", async () => {
    await control("faults", "POST", { upstream: "rapidsos", kind: "429", count: 10_000, retryAfterSeconds: 1 });
    try {
      await new Promise((r) => setTimeout(r, 3 * LEI_POLL_MS)); // the stored data is no longer fresh
      const res = await lookup();
      expect(res.status).toBe(200);
      expect(((await res.json()) as { source: string }).source).toMatch(/^tracker/);
    } finally {
      await control("faults", "DELETE");
    }
  });
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("a sandbox reset", () => {
  let slow: RunningApp;
  let slowCookie: string;
  beforeAll(async () => {
    // Axon polled once a minute: only the reset itself can bring the new world in time.
    slow = await startApp({ AXON_POLL_INTERVAL_MS: "60000" });
    slowCookie = await signIn(slow.url, "telecommunicator@sandbox.local", "sandbox-demo");
  }, 120_000);
  afterAll(async () => {
    await slow?.stop();
  });

  it("brings the new world's cameras to consoles at once, not at the next poll", async () => {
    const on = requestsTo(() => ({ app: slow, cookie: slowCookie }));
    type Place = { id: string; lat: number; lon: number };
    const devices = async (): Promise<Place[]> => {
      const body = (await (await on.get("/api/devices")).json()) as {
        devices: { id: string; location: { latitude: number; longitude: number } | null }[];
      };
      return body.devices.flatMap((d) => (d.location ? [{ id: d.id, lat: d.location.latitude, lon: d.location.longitude }] : []));
    };
    const before = await devices(); // start-up's poll has answered
    expect((await on.control("reset", "POST", { seed: 4242 })).ok).toBe(true);
    expect((await on.control("clock", "POST", { action: "pause" })).ok).toBe(true);
    const scenario = (await (await on.control("scenario")).json()) as { devices: { id: string; location: { lat: number; lon: number } }[] };
    const truth = new Map(scenario.devices.map((d) => [d.id, d.location]));
    const near = (p: Place) => {
      const t = truth.get(p.id);
      return t !== undefined && Math.abs(t.lat - p.lat) < 1e-4 && Math.abs(t.lon - p.lon) < 1e-4;
    };
    expect(before.every(near)).toBe(false); // another seed, another world
    await expect.poll(async () => (await devices()).every(near), { timeout: 5_000 }).toBe(true);
  });
});
