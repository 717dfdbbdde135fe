/** The runner against the sandbox over real HTTP and a real WebSocket, storing into a real PGlite. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_DEFAULTS } from "@/lib/config/env";
import { Secret } from "@/lib/config/secret";
import type { Database } from "@/lib/db/client";
import { alerts as alertsTable } from "@/lib/db/schema";
import { additionalDataFetcher, type AdditionalDataFetch, type AdditionalDataQuery } from "@/lib/additional-data/client";
import { readAlertAdditionalData } from "@/lib/additional-data/store";
import { RapidsosClient } from "@/lib/rapidsos/client";
import { sampleTrigger } from "@/sandbox/workflow/samples";
import { LiveBus, type LiveEvent } from "@/lib/live/bus";
import { HealthRegistry } from "@/lib/upstream/health";
import { startAlertsSocket, type AlertsSocketServer } from "@/sandbox/alerts/socket";
import { serveSandbox, type ServedSandbox } from "@/sandbox/testing";
import { backends } from "@/testing/databases";
import { AlertsClient } from "./client";
import type { EventOutcome } from "./events";
import { AlertsRunner } from "./runner";
import { getAlert, timelineOf } from "./store";

let sb: ServedSandbox;
let socket: AlertsSocketServer;
let database: Database;
let bus: LiveBus;
let runner: AlertsRunner;
let outcomes: EventOutcome[];
let nudges: LiveEvent[];

const until = async (check: () => boolean | Promise<boolean>, ms = 5000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
};

async function create(template: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await sb.control("POST", "alerts", { template, ...extra });
  return ((await res.json()) as { alert_id: string }).alert_id;
}

function newClient(): AlertsClient {
  return new AlertsClient({
    baseUrl: `${sb.url}/sandbox/alerts`,
    tokenUrl: `${sb.url}/sandbox/alerts/oauth/token`,
    clientId: SANDBOX_DEFAULTS.alertsClientId,
    clientSecret: new Secret(SANDBOX_DEFAULTS.alertsClientSecret),
    timeoutMs: 3000,
    health: new HealthRegistry(),
  });
}

function newRunner(additionalData?: () => AdditionalDataFetch): AlertsRunner {
  const r = new AlertsRunner({ database: async () => database, client: newClient(), socketUrl: () => socket.url, bus, now: () => sb.sandbox.clock.now(), checkEveryMs: 50, pollWhileDownMs: 200, backoffMaxMs: 200, additionalData });
  r.onOutcome = (o) => outcomes.push(o);
  return r;
}

beforeAll(async () => {
  sb = await serveSandbox();
  socket = await startAlertsSocket(sb.sandbox.alerts, sb.sandbox.clock);
  database = await backends[0]!.open();
  bus = new LiveBus(async () => database);
  await bus.start();
  bus.subscribe((e) => nudges.push(e));
});
afterAll(async () => {
  await runner?.stop();
  await socket.close();
  await sb.close();
  await database.close();
});
beforeEach(async () => {
  await runner?.stop();
  await database.db.delete(alertsTable);
  await database.db.execute("delete from alert_sync");
  await sb.control("POST", "reset", {});
  await sb.control("POST", "alerts/settings", { scenario: false });
  outcomes = [];
  nudges = [];
  runner = newRunner();
  runner.start();
  await until(() => runner.connected && socket.connections() === 1);
});

describe("the alerts runner", () => {
  it("stores a new alert from the socket and nudges consoles", async () => {
    const id = await create("fire");
    await until(async () => (await getAlert(database.db, id)) !== null);
    const a = await getAlert(database.db, id);
    expect(a?.status.name).toBe("DISPATCH_REQUESTED");
    expect(a?.location.radiusM).toBe(8);
    await until(() => nudges.some((n) => n.type === "alerts" && n.id === id));
  });

  it("follows status, disposition, location and chat into the timeline", async () => {
    const id = await create("mpers");
    await until(async () => (await getAlert(database.db, id)) !== null);
    await sb.control("POST", `alerts/${id}/location`, { latitude: 40.4431, longitude: -79.9524, uncertainty_radius: -1 });
    await sb.control("POST", `alerts/${id}/chat`, { message: "Wearer answered the pendant" });
    await sb.control("POST", `alerts/${id}/chat`, { message: "Fall confirmed", message_type: "MILESTONE" });
    await until(async () => (await timelineOf(database.db, id)).filter((e) => e.kind === "chat" || e.kind === "milestone").length === 2);
    const a = await getAlert(database.db, id);
    expect(a?.location.point).toEqual({ lat: 40.4431, lon: -79.9524 });
    expect(a?.location.radiusM).toBeNull();
    expect(a?.history).toHaveLength(2);
  });

  it("ignores a replayed message, refuses a stale one and keeps the connection", async () => {
    await sb.control("POST", "alerts/faults", { kind: "replay" });
    await create("fire");
    await until(() => outcomes.some((o) => o.kind === "dropped" && /duplicate/.test(o.reason)));
    await sb.control("POST", "alerts/faults", { kind: "stale" });
    await create("fire");
    await until(() => outcomes.some((o) => o.kind === "dropped" && /old/.test(o.reason)));
    expect(runner.connected).toBe(true);
  });

  it("speaks the captured `event_type` envelope too", async () => {
    await sb.control("POST", "alerts/settings", { envelope: "event_type" });
    const id = await create("crash");
    await until(async () => (await getAlert(database.db, id)) !== null);
  });

  it("misses nothing while the socket is down: catch-up through the list, then reconnects", async () => {
    await sb.control("POST", "alerts/faults", { kind: "drop" });
    const dropped = await create("fire");
    const whileDown = await create("burglary");
    await until(async () => (await getAlert(database.db, dropped)) !== null && (await getAlert(database.db, whileDown)) !== null);
    await until(() => runner.connected);
  });

  it("catches a status change it missed while down (refresh of open alerts)", async () => {
    const id = await create("fire", { slaSeconds: 2 });
    await until(async () => (await getAlert(database.db, id)) !== null);
    await runner.stop();
    await sb.advanceClock(3_000);
    runner = newRunner();
    runner.start();
    await until(async () => (await getAlert(database.db, id))?.status.name === "TIMEOUT");
  });
  it("tells every instance whether the events connection is up, not only the one holding it", async () => {
    // A second instance: same database and bus, but another instance holds the lock.
    const follower = new AlertsRunner({
      database: async () => ({ ...database, tryLead: async () => false }),
      client: newClient(),
      socketUrl: () => socket.url,
      bus,
      now: () => sb.sandbox.clock.now(),
      checkEveryMs: 50,
    });
    follower.start();
    try {
      expect(follower.connected).toBe(false); // it holds no socket of its own
      // The holder announced before this instance listened: its next heartbeat (every 10 s) tells it.
      await until(() => follower.eventsLive, 15_000);
      expect(socket.connections()).toBe(1);
      // The holder loses its connection: the follower says so too, and consoles are told to refetch.
      nudges = [];
      await socket.close();
      await until(() => !runner.eventsLive && !follower.eventsLive);
      await until(() => nudges.some((n) => n.type === "alerts"));
    } finally {
      await follower.stop();
      socket = await startAlertsSocket(sb.sandbox.alerts, sb.sandbox.clock);
    }
  });

  it("asks RAD-E once for a new alert's additional data (by alert_id), stores it, tells consoles, and asks again only when due", async () => {
    await runner.stop();
    // Closed before the runner first looked (cancelled by the central station): asked about once all the same.
    const closed = await create("fire");
    await sb.control("POST", `alerts/${closed}/status`, { status: "CANCELED", cancel_reason: "False alarm" });
    const rapidsos = new RapidsosClient({ baseUrl: sb.rapidsosBase, clientId: SANDBOX_DEFAULTS.rapidsosClientId, clientSecret: new Secret(SANDBOX_DEFAULTS.rapidsosClientSecret), timeoutMs: 3000, health: new HealthRegistry() });
    const real = additionalDataFetcher(rapidsos, { baseUrl: sb.rapidsosBase, timeoutMs: 3000 });
    const asked: AdditionalDataQuery[] = [];
    runner = newRunner(() => (q) => (asked.push(q), real(q)));
    runner.start();
    await until(() => runner.connected);

    // A panic app's WorkFlow trigger creates the alert with its data; a central station's has none.
    const token = await sb.rapidsosToken();
    const res = await fetch(`${sb.rapidsosBase}/v1/rem/trigger`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(sampleTrigger("alert")) });
    const withData = ((await res.json()) as { id: string }).id;
    const without = await create("fire");

    await until(async () => (await readAlertAdditionalData(database.db, withData, 0))?.data != null);
    const stored = await readAlertAdditionalData(database.db, withData, 0);
    expect(stored?.data?.sections.map((x) => (x.kind === "section" ? x.type : x.kind))).toEqual(expect.arrayContaining(["profile", "vehicle", "alert_profile"]));
    await until(() => nudges.some((n) => n.type === "alerts" && n.id === withData));
    await until(async () => (await readAlertAdditionalData(database.db, without, 0))?.checkedAt != null);
    expect((await readAlertAdditionalData(database.db, without, 0))?.data).toBeNull();

    // Many checks later (one every 50 ms), each alert was asked about once: the rest wait until due.
    await new Promise((r) => setTimeout(r, 500));
    expect(asked.filter((q) => q.alertId === withData)).toHaveLength(1);
    expect(asked.filter((q) => q.alertId === without)).toHaveLength(1);
    expect((await getAlert(database.db, closed))?.status.name).toBe("CANCELED");
    expect(asked.filter((q) => q.alertId === closed)).toHaveLength(1);
    expect(asked.every((q) => q.phone === undefined)).toBe(true);
  });
});
