/** The sandbox's Alerts platform over real HTTP and a real WebSocket. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { SANDBOX_DEFAULTS } from "@/lib/config/env";
import { serveSandbox, type ServedSandbox } from "../testing";
import { CENTRAL_STATION_CREDENTIALS } from "./auth";
import { startAlertsSocket, type AlertsSocketServer } from "./socket";
import { templateAlert } from "./templates";

let sb: ServedSandbox;
let socket: AlertsSocketServer;
let ecc: string;
let central: string;

async function token(clientId: string, secret: string): Promise<string> {
  const res = await fetch(`${sb.url}/sandbox/alerts/oauth/token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: secret }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

const api = (tok: string, method: string, path: string, body?: unknown) =>
  fetch(`${sb.url}/sandbox/alerts/v1/alerts${path}`, {
    method,
    headers: { authorization: `Bearer ${tok}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const create = async (template: string, extra: Record<string, unknown> = {}) => {
  const res = await sb.control("POST", "alerts", { template, ...extra });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

function connect(query: string): Promise<{ ws: WebSocket; messages: any[] } | { status: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${socket.url}?${query}`);
    const messages: any[] = [];
    ws.on("message", (d) => messages.push(JSON.parse(String(d))));
    ws.on("open", () => resolve({ ws, messages }));
    ws.on("unexpected-response", (_req, res) => resolve({ status: res.statusCode ?? 0 }));
  });
}

const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
};

beforeAll(async () => {
  sb = await serveSandbox();
  socket = await startAlertsSocket(sb.sandbox.alerts, sb.sandbox.clock);
});
afterAll(async () => {
  await socket.close();
  await sb.close();
});
beforeEach(async () => {
  await sb.control("POST", "reset", {});
  await sb.control("POST", "alerts/settings", { scenario: false });
  ecc = await token(SANDBOX_DEFAULTS.alertsClientId, SANDBOX_DEFAULTS.alertsClientSecret);
  central = await token(CENTRAL_STATION_CREDENTIALS.clientId, CENTRAL_STATION_CREDENTIALS.clientSecret);
});

describe("partner POST /v1/alerts", () => {
  it("creates an alert (201) with the AlertMetaDataResponse, string zip and phone", async () => {
    const res = await api(central, "POST", "", templateAlert("fire", Date.now()));
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, any>;
    expect(body.alert_id).toMatch(/^alert-/);
    expect(body.status.name).toBe("DISPATCH_REQUESTED");
    expect(body.sla_expiration_time - body.dispatch_requested_time).toBe(30_000);
    expect(body.location.civic.zip_code).toBe("15222");
    expect(body.emergency_contacts[0].phone).toBe("14125550178");
    expect(body.location.provided_location).toBe("BOTH");
  });

  it.each([
    ["outside", 216],
    ["supplemental", 217],
    ["civic-unknown", 201],
  ])("%s answers %i", async (template, status) => {
    expect((await create(template)).status).toBe(status);
  });

  it.each([
    [{ variables: { event: { source_id: "x" } } }, /callflow/],
    [{ callflow: "F", variables: { event: { source_id: "", incident_time: 1, location: { geodetic: { latitude: 40.44, longitude: -80 } }, emergency_type: "FIRE", site_type: "COMMERCIAL" } } }, /source_id/],
    [{ callflow: "F", variables: { event: { source_id: "a", incident_time: 1, location: {}, emergency_type: "FIRE", site_type: "COMMERCIAL" } } }, /geodetic or civic/],
    [{ callflow: "F", variables: { event: { source_id: "a", incident_time: 1, location: { geodetic: { latitude: 95, longitude: -80 } }, emergency_type: "FIRE", site_type: "COMMERCIAL" } } }, /latitude/],
    [{ callflow: "F", variables: { event: { source_id: "a", incident_time: 1, location: { civic: { street_1: "1 A St", city: "Pittsburgh", state: "PA", country: "US", zip_code: "152" } }, emergency_type: "FIRE", site_type: "COMMERCIAL" } } }, /zip_code/],
    [{ callflow: "F", variables: { event: { source_id: "a", incident_time: 1, location: { geodetic: { latitude: 40.44, longitude: -80 } }, emergency_type: "ALIENS", site_type: "COMMERCIAL" } } }, /emergency_type/],
  ])("400 names the field", async (raw, pattern) => {
    const res = await api(central, "POST", "", raw);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toMatch(pattern);
  });

  it("401 without a valid token; 403 for an ECC creating", async () => {
    expect((await api("nope", "POST", "", templateAlert("fire", Date.now()))).status).toBe(401);
    expect((await api(ecc, "POST", "", templateAlert("fire", Date.now()))).status).toBe(403);
  });

  it("429 on an injected fault", async () => {
    await sb.control("POST", "alerts/faults", { kind: "429" });
    expect((await api(ecc, "GET", "")).status).toBe(429);
    expect((await api(ecc, "GET", "")).status).toBe(200);
  });
});

describe("ECC API", () => {
  it("lists ascending with alerts_until as the next start", async () => {
    const a = await create("fire");
    const b = await create("mpers");
    const first = (await (await api(ecc, "GET", "?limit=1")).json()) as any;
    expect(first.alerts.map((x: any) => x.alert_id)).toEqual([a.body.alert_id]);
    const next = (await (await api(ecc, "GET", `?start=${first.alerts_until}&limit=5`)).json()) as any;
    expect(next.alerts.map((x: any) => x.alert_id)).toEqual([b.body.alert_id]);
    const none = (await (await api(ecc, "GET", `?start=${next.alerts_until}`)).json()) as any;
    expect(none).toEqual({ alerts_until: 0, alerts: [] });
    expect((await api(ecc, "GET", "?start=10&end=5")).status).toBe(400);
  });

  it("enforces who may set what and the transitions", async () => {
    const { body } = await create("fire");
    const id = body.alert_id as string;
    expect((await api(central, "PATCH", `/${id}`, { status: "ACCEPTED" })).status).toBe(403);
    expect((await api(ecc, "PATCH", `/${id}`, { status: "CANCELED" })).status).toBe(403);
    expect((await api(ecc, "PATCH", `/${id}`, { status: "TIMEOUT" })).status).toBe(403);
    expect((await api(ecc, "PATCH", `/${id}`, { disposition: "DISPATCHED" })).status).toBe(409);
    expect((await api(ecc, "PATCH", `/${id}`, { status: "ACCEPTED", decline_reason: "x" })).status).toBe(400);
    expect((await api(ecc, "PATCH", `/${id}`, { status: "BOGUS" })).status).toBe(400);
    const accepted = await api(ecc, "PATCH", `/${id}`, { status: "ACCEPTED" });
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as any).status.name).toBe("ACCEPTED");
    expect((await api(ecc, "PATCH", `/${id}`, { status: "ACCEPTED" })).status).toBe(409);
    expect((await api(ecc, "PATCH", `/${id}`, { status: "DECLINED", decline_reason: "no" })).status).toBe(409);
    expect((await api(ecc, "PATCH", `/${id}`, { disposition: "ON_SCENE" })).status).toBe(200);
    const got = (await (await api(ecc, "GET", `/${id}?extra=logs`)).json()) as any;
    expect(got.disposition.name).toBe("ON_SCENE");
    expect(got.logs.some((l: any) => l.message_type === "STATUS_UPDATE")).toBe(true);
  });

  it("declines with a reason of at most 100 characters", async () => {
    const { body } = await create("burglary");
    const id = body.alert_id as string;
    expect((await api(ecc, "PATCH", `/${id}`, { status: "DECLINED", decline_reason: "x".repeat(101) })).status).toBe(400);
    expect((await api(ecc, "PATCH", `/${id}`, { status: "DECLINED", decline_reason: "No units" })).status).toBe(200);
  });

  it("refuses status changes on a supplemental-only alert", async () => {
    const { body } = await create("supplemental");
    expect(body.supplemental_only).toBe(true);
    expect((await api(ecc, "PATCH", `/${body.alert_id}`, { status: "ACCEPTED" })).status).toBe(403);
  });

  it("times out at the SLA and forgets after 12 hours", async () => {
    const { body } = await create("fire", { slaSeconds: 5 });
    await sb.advanceClock(5_000);
    const got = (await (await api(ecc, "GET", `/${body.alert_id}`)).json()) as any;
    expect(got.status.name).toBe("TIMEOUT");
    await sb.advanceClock(12 * 3_600_000);
    ecc = await token(SANDBOX_DEFAULTS.alertsClientId, SANDBOX_DEFAULTS.alertsClientSecret);
    expect((await api(ecc, "GET", `/${body.alert_id}`)).status).toBe(404);
  });

  it("chat: ECC chats, only the central station sends milestones", async () => {
    const { body } = await create("fire");
    const id = body.alert_id as string;
    expect((await api(ecc, "POST", `/${id}/log_messages`, { message: "Units en route", message_type: "CHAT_MESSAGE", sender: "TC Smith" })).status).toBe(200);
    expect((await api(ecc, "POST", `/${id}/log_messages`, { message: "x", message_type: "MILESTONE" })).status).toBe(403);
    const logs = (await (await api(ecc, "GET", `/${id}/log_messages`)).json()) as any;
    expect(logs.total_records).toBe(1);
    expect(logs.log_messages[0].sender).toBe("TC Smith");
  });
});

describe("events socket", () => {
  it.each([
    ["event_types=alert.new", 401],
    ["token=bad&event_types=alert.new", 401],
    ["token=ECC", 400],
    ["token=ECC&event_types=alert.nope", 400],
    ["token=CENTRAL&event_types=alert.new", 403],
  ])("%s → %i", async (q, status) => {
    const got = await connect(q.replace("ECC", ecc).replace("CENTRAL", central));
    expect(got).toEqual({ status });
  });

  it("406 for a request that is not an upgrade", async () => {
    const res = await fetch(socket.url.replace("ws:", "http:"));
    expect(res.status).toBe(406);
  });

  it("delivers documented events with their bodies, only the subscribed types", async () => {
    const c = await connect(`token=${ecc}&event_types=alert.new,alert.status_update,alert.location_update,alert.chat`);
    if (!("ws" in c)) throw new Error("no connection");
    const { body } = await create("mpers");
    await sb.control("POST", `alerts/${body.alert_id}/location`, { latitude: 40.4431, longitude: -79.9524, uncertainty_radius: 9 });
    await api(ecc, "PATCH", `/${body.alert_id}`, { status: "ACCEPTED" });
    await api(ecc, "PATCH", `/${body.alert_id}`, { disposition: "ENROUTE" });
    await until(() => c.messages.length >= 3);
    expect(c.messages.map((m) => m.event)).toEqual(["alert.new", "alert.location_update", "alert.status_update"]);
    expect(c.messages[0].body.alert_id).toBe(body.alert_id);
    expect(typeof c.messages[0].timestamp).toBe("number");
    expect(c.messages[2].body.status.name).toBe("ACCEPTED");
    c.ws.close();
  });

  it("can speak the captured `event_type` form, and replays/stale/drops on request", async () => {
    await sb.control("POST", "alerts/settings", { envelope: "event_type" });
    const c = await connect(`token=${ecc}&event_types=alert.new`);
    if (!("ws" in c)) throw new Error("no connection");
    await sb.control("POST", "alerts/faults", { kind: "replay" });
    await create("fire");
    await until(() => c.messages.length >= 2);
    expect(c.messages[0].event_type).toBe("alert.new");
    expect(c.messages[1]).toEqual(c.messages[0]);
    await sb.control("POST", "alerts/faults", { kind: "stale" });
    await create("fire");
    await until(() => c.messages.length >= 3);
    expect(Date.now() - c.messages[2].timestamp).toBeGreaterThan(5 * 60_000);
    const closed = new Promise((r) => c.ws.on("close", r));
    await sb.control("POST", "alerts/faults", { kind: "drop" });
    await create("fire");
    await closed;
  });

  it("the scenario is deterministic under the seed and the clock", async () => {
    await sb.control("POST", "reset", { seed: 7 });
    await sb.control("POST", "clock", { action: "pause" });
    await sb.advanceClock(30 * 60_000);
    const a = (await (await sb.control("GET", "alerts")).json()) as any;
    expect(a.alerts.length).toBeGreaterThanOrEqual(3);
    expect(a.alerts[0].location.provided_location).toBe("CIVIC");
    expect(a.alerts[2].location_history.length).toBeGreaterThan(3);
    await sb.control("POST", "clock", { action: "resume" });
  });
});
