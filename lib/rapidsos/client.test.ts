/**
 * The client against a small handler that speaks LEI exactly as documented (reference 004,
 * RapidSOS's public token and error body samples), over real HTTP. Crafted answers the sandbox does not
 * produce (malformed records, foreign `next` links, refused tokens) are tested here; the sandbox
 * integration tests cover the rest.
 */
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Secret } from "@/lib/config/secret";
import { dropSingleton, singleton } from "@/lib/server/singleton";
import { serve, type Served } from "@/testing/serve";
import { UpstreamError } from "@/lib/upstream/errors";
import { HealthRegistry } from "@/lib/upstream/health";
import { RapidsosClient } from "./client";
import { decodeCursor } from "./cursor";
import { FAULT_EXPIRED_TOKEN, LEI_DOC_RECORD, TOKEN_RESPONSE_MINIMAL } from "./wire-fixtures";
import { httpFailure as failure } from "@/testing/failure";

const CLIENT_SECRET = "client-secret-value-xyz";
const CALLER = "14125550101";

interface Seen {
  method: string;
  path: string;
  query: string;
  authorization: string | null;
  contentType: string | null;
  body: string;
}

let served: Served;
let seen: Seen[] = [];
let tokensIssued = 0;
let lei: (req: Request, auth: string | null, n: number) => Response | Promise<Response>;
let tokenReply: () => Response;
let leiCalls = 0;
const logLines: string[] = [];

beforeAll(async () => {
  dropSingleton("logger");
  singleton("logger", () =>
    pino(
      { level: "debug" },
      new Writable({
        write(chunk, _enc, done) {
          logLines.push(String(chunk));
          done();
        },
      }),
    ),
  );
  served = await serve(async (req) => {
    const url = new URL(req.url);
    const body = await req.text();
    seen.push({
      method: req.method,
      path: url.pathname,
      query: url.search,
      authorization: req.headers.get("authorization"),
      contentType: req.headers.get("content-type"),
      body,
    });
    if (url.pathname === "/rapidsos/oauth/token") {
      tokensIssued++;
      return tokenReply();
    }
    leiCalls++;
    return lei(req, req.headers.get("authorization"), leiCalls);
  });
});
afterAll(async () => {
  await served.close();
  dropSingleton("logger");
});
afterEach(() => {
  seen = [];
  tokensIssued = 0;
  leiCalls = 0;
  tokenReply = defaultToken;
});

const defaultToken = () =>
  Response.json({ ...TOKEN_RESPONSE_MINIMAL, access_token: `tok-${tokensIssued}` });
tokenReply = defaultToken;

const page = (results: unknown[], next: string | null = null) => Response.json({ next, results });
const record = (over: Record<string, unknown> = {}) => ({ ...LEI_DOC_RECORD, caller_id: CALLER, ...over });

function client(extra: { timeoutMs?: number } = {}) {
  return new RapidsosClient({
    baseUrl: `${served.url}/rapidsos`,
    clientId: "client-id-1",
    clientSecret: new Secret(CLIENT_SECRET),
    timeoutMs: extra.timeoutMs ?? 2_000,
    health: new HealthRegistry(),
  });
}

describe("RapidsosClient against the documented wire", () => {
  it("gets a token with the documented form, then POSTs the LEI query with it", async () => {
    lei = () => page([record()]);
    const c = client();
    const { response, records } = await c.lookup({ callerId: CALLER, limit: 5, start: 1000 });

    const [token, query] = seen;
    expect(token?.method).toBe("POST");
    expect(token?.contentType).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(token?.body))).toEqual({
      grant_type: "client_credentials",
      client_id: "client-id-1",
      client_secret: CLIENT_SECRET,
    });
    expect(query).toMatchObject({
      method: "POST",
      path: "/rapidsos/v1/rsos/location",
      authorization: "Bearer tok-1",
      contentType: "application/json",
    });
    expect(JSON.parse(query!.body)).toEqual({ query: `tel://${CALLER}`, start: 1000, limit: 5 });

    expect(response.callerId).toBe(CALLER);
    expect(records).toHaveLength(1);
    expect(records[0]?.uncertainty).toEqual({ radiusM: 10, confidence: 95, pdf: "normal" });
    expect(response.nextCursor).toBeNull();
    expect(response.dropped).toBe(0);
    expect(Math.abs(response.serverTime - Date.now())).toBeLessThan(5_000);
  });

  it("sends only the query when no start/limit is given", async () => {
    lei = () => page([record()]);
    await client().lookup({ callerId: CALLER });
    expect(JSON.parse(seen[1]!.body)).toEqual({ query: `tel://${CALLER}` });
  });

  it("caches the token across calls", async () => {
    lei = () => page([record()]);
    const c = client();
    await c.lookup({ callerId: CALLER });
    await c.lookup({ callerId: CALLER, limit: 2 });
    await c.lookup({ callerId: CALLER, limit: 3 });
    expect(tokensIssued).toBe(1);
    expect(leiCalls).toBe(3);
  });

  it("on a gateway 401 fault refreshes once and retries once", async () => {
    lei = (_req, auth) =>
      auth === "Bearer tok-1" ? Response.json(FAULT_EXPIRED_TOKEN, { status: 401 }) : page([record()]);
    const { records } = await client().lookup({ callerId: CALLER });
    expect(records).toHaveLength(1);
    expect(tokensIssued).toBe(2);
    expect(leiCalls).toBe(2);
  });

  it("a fresh token refused too → rejected (502), no third try", async () => {
    lei = () => Response.json(FAULT_EXPIRED_TOKEN, { status: 401 });
    const err = await failure(client().lookup({ callerId: CALLER }));
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).kind).toBe("rejected");
    expect(err.status).toBe(502);
    expect(leiCalls).toBe(2);
    expect(tokensIssued).toBe(2);
  });

  it("the token endpoint refusing our credentials → rejected, LEI never called", async () => {
    tokenReply = () => Response.json({ detail: "Invalid user credentials." }, { status: 401 });
    const err = await failure(client().lookup({ callerId: CALLER }));
    expect((err as UpstreamError).kind).toBe("rejected");
    expect(err.detail).toMatch(/refused this server's credentials/);
    expect(leiCalls).toBe(0);
  });

  it("an unreadable token answer → bad_response", async () => {
    tokenReply = () => Response.json({ token_type: "BearerToken" });
    expect(((await failure(client().lookup({ callerId: CALLER }))) as UpstreamError).kind).toBe(
      "bad_response",
    );
  });

  it("LEI 404 → not_found with words a telecommunicator understands", async () => {
    lei = () => Response.json({ detail: "Not found." }, { status: 404 });
    const err = await failure(client().lookup({ callerId: CALLER }));
    expect(err.status).toBe(404);
    expect(err.detail).toMatch(/no location for \+14125550101.*10–20 minutes/);
  });

  it("LEI 400 → 502 bad_response (we sent something it did not like)", async () => {
    lei = () => Response.json({ detail: "caller_id is required" }, { status: 400 });
    const err = await failure(client().lookup({ callerId: CALLER }));
    expect((err as UpstreamError).kind).toBe("bad_response");
    expect(err.status).toBe(502);
  });

  it("drops and counts malformed records, passing on only good ones", async () => {
    lei = () =>
      page([
        record(),
        record({ latitude: "91.5" }),
        record({ location_time: null }),
        record({ caller_id: "19995550000" }),
        "not a record",
        record({ uncertainty_radius: "-1" }),
      ]);
    const { response } = await client().lookup({ callerId: CALLER });
    expect(response.records).toHaveLength(2);
    expect(response.records[1]?.uncertainty.radiusM).toBeNull();
    expect(response.dropped).toBe(4);
    expect(logLines.join("")).toMatch(/dropped invalid LEI records/);
  });

  it("a body that is not an LEI page → bad_response", async () => {
    lei = () => Response.json({ records: [] });
    expect(((await failure(client().lookup({ callerId: CALLER }))) as UpstreamError).kind).toBe(
      "bad_response",
    );
  });

  it("follows `next` through an opaque cursor that holds neither host nor token", async () => {
    lei = (req) => {
      const url = new URL(req.url);
      if (req.method === "POST") {
        return page([record()], `${served.url}/rapidsos/v1/rsos/location/?caller_id=${CALLER}&start=1473983979750&limit=1`);
      }
      expect(url.searchParams.get("start")).toBe("1473983979750");
      return page([record({ location_time: "1473983989750" })], null);
    };
    const c = client();
    const first = await c.lookup({ callerId: CALLER, limit: 1 });
    const cursor = first.response.nextCursor!;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const decoded = Buffer.from(cursor, "base64url").toString();
    expect(decoded).not.toContain("127.0.0.1");
    expect(decoded).not.toContain("tok-");
    expect(decodeCursor(cursor).callerId).toBe(CALLER);

    const second = await c.lookup({ page: decodeCursor(cursor) });
    expect(seen.at(-1)).toMatchObject({
      method: "GET",
      path: "/rapidsos/v1/rsos/location/",
      authorization: "Bearer tok-1",
    });
    expect(second.response.records[0]?.locationTime).toBe(1473983989750);
    expect(second.response.nextCursor).toBeNull();
  });

  it("a later page's 404 says there are no more records", async () => {
    lei = (req) =>
      req.method === "POST"
        ? page([record()], `${served.url}/rapidsos/v1/rsos/location?caller_id=${CALLER}&start=5`)
        : Response.json({ detail: "Not found." }, { status: 404 });
    const c = client();
    const { response } = await c.lookup({ callerId: CALLER });
    const err = await failure(c.lookup({ page: decodeCursor(response.nextCursor!) }));
    expect(err.status).toBe(404);
    expect(err.detail).toBe("No more location records for this caller.");
  });

  it("never follows a `next` on another host", async () => {
    lei = () => page([record()], `http://evil.example/rapidsos/v1/rsos/location?caller_id=${CALLER}&start=5`);
    const { response } = await client().lookup({ callerId: CALLER });
    expect(response.nextCursor).toBeNull();
    expect(response.records).toHaveLength(1);
  });

  it("tries a supplied access token first, and falls back to our own when it is refused", async () => {
    lei = (_req, auth) =>
      auth === "Bearer datashare-token" ? Response.json(FAULT_EXPIRED_TOKEN, { status: 401 }) : page([record()]);
    const c = client();
    const { records } = await c.lookup({ callerId: CALLER, accessToken: new Secret("datashare-token") });
    expect(records).toHaveLength(1);
    expect(seen.map((s) => s.authorization)).toEqual(["Bearer datashare-token", null, "Bearer tok-1"]);
  });

  it("uses an accepted supplied token without fetching one of ours", async () => {
    lei = () => page([record()]);
    await client().lookup({ callerId: CALLER, accessToken: new Secret("datashare-token") });
    expect(tokensIssued).toBe(0);
  });

  it("coalesces identical concurrent lookups into one upstream call", async () => {
    lei = async () => {
      await new Promise((r) => setTimeout(r, 100));
      return page([record()]);
    };
    const c = client();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => c.lookup({ callerId: CALLER, limit: 5 })),
    );
    expect(new Set(results.map((r) => r.response.records.length))).toEqual(new Set([1]));
    expect(leiCalls).toBe(1);
    expect(tokensIssued).toBe(1);
    // A different question is a different call.
    await Promise.all([c.lookup({ callerId: CALLER, limit: 5 }), c.lookup({ callerId: CALLER, limit: 6 })]);
    expect(leiCalls).toBe(3);
  });

  it("records health for the upstream's last call", async () => {
    const health = new HealthRegistry();
    const c = new RapidsosClient({
      baseUrl: `${served.url}/rapidsos`,
      clientId: "x",
      clientSecret: new Secret("y"),
      timeoutMs: 1_000,
      health,
    });
    lei = () => page([record()]);
    await c.lookup({ callerId: CALLER });
    expect(health.get("rapidsos")).toMatchObject({ ok: true, status: 200 });
    lei = () => new Response("", { status: 500 });
    await c.lookup({ callerId: CALLER }).catch(() => undefined);
    expect(health.get("rapidsos")).toMatchObject({ ok: false, status: 500, detail: "HTTP 500" });
    expect(health.get("axon").ok).toBeNull();
  });

  it("never logs a token or the client secret", async () => {
    lei = () => Response.json(FAULT_EXPIRED_TOKEN, { status: 401 });
    await client().lookup({ callerId: CALLER, accessToken: new Secret("datashare-token") }).catch(() => undefined);
    const all = logLines.join("\n");
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toMatch(/tok-\d|datashare-token|client-secret-value/);
  });
});
