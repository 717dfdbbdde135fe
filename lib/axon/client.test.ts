/**
 * The Axon client against a small handler speaking the documented wire
 * (the Axon Respond device-state search as public clients use it), over real HTTP: crafted answers the sandbox does not give
 * (malformed devices, a server that never stops paging, a repeated page). The sandbox
 * integration tests cover the rest.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Secret } from "@/lib/config/secret";
import { serve, type Served } from "@/testing/serve";
import { UpstreamError } from "@/lib/upstream/errors";
import { HealthRegistry } from "@/lib/upstream/health";
import { AxonClient, NO_DEVICE_DATA_NOTICE } from "./client";
import { AXON_DEVICE, AXON_TOKEN_RESPONSE } from "./wire-fixtures";

interface Seen {
  path: string;
  headers: Headers;
  body: string;
}

let served: Served;
let seen: Seen[] = [];
let search: (body: { from: number; size: number }, auth: string | null) => Response | Promise<Response>;

beforeAll(async () => {
  served = await serve(async (req) => {
    const url = new URL(req.url);
    const body = await req.text();
    seen.push({ path: url.pathname, headers: req.headers, body });
    if (url.pathname === "/axon/api/oauth2/token") return Response.json(AXON_TOKEN_RESPONSE);
    return search(JSON.parse(body) as { from: number; size: number }, req.headers.get("authorization"));
  });
});
afterAll(() => served.close());
afterEach(() => {
  seen = [];
});

const device = (i: number) => ({ ...AXON_DEVICE, axonDeviceId: `dev-${i}` });
const fleet = (n: number) => Array.from({ length: n }, (_, i) => device(i));
const reply = (data: unknown[] | undefined, totalHits?: number) =>
  Response.json({
    meta: { correlationId: "c", serverTimestamp: 1, ...(totalHits === undefined ? {} : { totalHits }), count: data?.length ?? 0 },
    ...(data === undefined ? {} : { data }),
  });

function client(pageSize = 3, maxDevices?: number) {
  return new AxonClient({
    baseUrl: `${served.url}/axon/`,
    partnerId: "partner-1",
    clientId: "client-1",
    clientSecret: new Secret("axon-secret"),
    pageSize,
    timeoutMs: 2_000,
    maxDevices,
    health: new HealthRegistry(),
  });
}

const searches = () => seen.filter((s) => s.path.endsWith("/states/search"));

describe("AxonClient against the documented wire", () => {
  it("gets a token with partner_id and searches with the documented headers", async () => {
    search = ({ from, size }) => reply(fleet(2).slice(from, from + size), 2);
    const res = await client().listDevices();
    const token = seen[0]!;
    expect(token.path).toBe("/axon/api/oauth2/token");
    expect(Object.fromEntries(new URLSearchParams(token.body))).toEqual({
      grant_type: "client_credentials",
      partner_id: "partner-1",
      client_id: "client-1",
      client_secret: "axon-secret",
    });
    const s = searches()[0]!;
    expect(s.path).toBe("/axon/respond/api/v1/devices/states/search");
    expect(s.headers.get("client-type")).toBe("EXTERNAL");
    expect(s.headers.get("accept")).toBe("application/json");
    expect(s.headers.get("content-type")).toBe("application/json");
    expect(s.headers.get("authorization")).toBe("Bearer axon-opaque-token");
    expect(JSON.parse(s.body)).toEqual({ from: 0, size: 3 });
    expect(res.devices).toHaveLength(2);
    expect(res.agency).toBe("Example County Sheriff");
    expect(res.notice).toBeUndefined();
  });

  it("fetches every page by totalHits", async () => {
    search = ({ from, size }) => reply(fleet(8).slice(from, from + size), 8);
    const res = await client(3).listDevices();
    expect(res.devices.map((d) => d.id)).toEqual(fleet(8).map((d) => d.axonDeviceId));
    expect(searches().map((s) => JSON.parse(s.body).from)).toEqual([0, 3, 6]);
  });

  it("without totalHits, stops at a short page", async () => {
    search = ({ from, size }) => reply(fleet(7).slice(from, from + size));
    const res = await client(3).listDevices();
    expect(res.devices).toHaveLength(7);
    expect(searches()).toHaveLength(3);
  });

  it("stops at an empty page even if totalHits promised more", async () => {
    search = ({ from, size }) => reply(fleet(4).slice(from, from + size), 50);
    expect((await client(3).listDevices()).devices).toHaveLength(4);
  });

  it("gives up on a server that never ends", async () => {
    let next = 0;
    search = ({ size }) => reply(Array.from({ length: size }, () => device(next++)), 1_000_000);
    const err = await client(5, 20).listDevices().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).kind).toBe("bad_response");
    expect(searches().length).toBeLessThanOrEqual(6);
  });

  it("gives up on a server that ignores `from` and repeats the first page", async () => {
    search = ({ size }) => reply(fleet(size), 100);
    const err = await client(3).listDevices().catch((e: unknown) => e);
    expect((err as UpstreamError).kind).toBe("bad_response");
    expect(searches()).toHaveLength(2);
  });

  it("`data` absent (scopes) → empty list with a clear notice", async () => {
    search = () => reply(undefined, 0);
    const res = await client().listDevices();
    expect(res).toMatchObject({ devices: [], agency: null, dropped: 0, notice: NO_DEVICE_DATA_NOTICE });
  });

  it("drops and counts malformed devices", async () => {
    search = () =>
      reply([device(1), { ...device(2), axonDeviceId: 7 }, { partnerName: "x" }, device(3)], 4);
    const res = await client(10).listDevices();
    expect(res.devices.map((d) => d.id)).toEqual(["dev-1", "dev-3"]);
    expect(res.dropped).toBe(2);
  });

  it("403 twice → rejected, after one fresh token", async () => {
    search = () => Response.json({ error: "forbidden" }, { status: 403 });
    const err = (await client().listDevices().catch((e: unknown) => e)) as UpstreamError;
    expect(err.kind).toBe("rejected");
    expect(err.status).toBe(502);
    expect(seen.filter((s) => s.path.endsWith("/token"))).toHaveLength(2);
    expect(searches()).toHaveLength(2);
  });

  it("a body that is not a search envelope → bad_response", async () => {
    search = () => Response.json({ data: "nope" });
    expect(((await client().listDevices().catch((e: unknown) => e)) as UpstreamError).kind).toBe(
      "bad_response",
    );
  });
});
