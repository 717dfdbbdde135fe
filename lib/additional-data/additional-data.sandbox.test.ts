/**
 * Additional data end to end below the browser: a WorkFlow trigger in the real sandbox over HTTP,
 * the call tracker polling LEI and RAD-E with our real client, a real PGlite database, and what a
 * console or the review page then reads (audited).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { SANDBOX_DEFAULTS } from "@/lib/config/env";
import { Secret } from "@/lib/config/secret";
import type { Database } from "@/lib/db/client";
import { additionalData, auditLog, callWatches, calls, users } from "@/lib/db/schema";
import { CallTracker } from "@/lib/calls/tracker";
import { LiveBus, type LiveEvent } from "@/lib/live/bus";
import { RapidsosClient } from "@/lib/rapidsos/client";
import { HealthRegistry } from "@/lib/upstream/health";
import { sampleTrigger } from "@/sandbox/workflow/samples";
import { serveSandbox, type ServedSandbox } from "@/sandbox/testing";
import { backends } from "@/testing/databases";
import { additionalDataFetcher, type AdditionalDataFetch, type AdditionalDataQuery } from "./client";
import { additionalDataAfterSync, readAdditionalData, refreshAdditionalData } from "./store";
import { viewAdditionalData } from "./view";

const PHONE = "14125550201";
const USER: SessionUser = { id: "00000000-0000-4000-8000-0000000000c1", email: "tc@ecc.test", name: "TC", role: "telecommunicator", sessionId: "s" };

let sb: ServedSandbox;
let database: Database;
let bus: LiveBus;

function client(secret: string = SANDBOX_DEFAULTS.rapidsosClientSecret) {
  return new RapidsosClient({ baseUrl: sb.rapidsosBase, clientId: SANDBOX_DEFAULTS.rapidsosClientId, clientSecret: new Secret(secret), timeoutMs: 3_000, health: new HealthRegistry() });
}

/** Our real fetcher, noting each RAD-E request (and with which token). */
function countingFetcher(c = client()) {
  const asked: AdditionalDataQuery[] = [];
  const real = additionalDataFetcher(c, { baseUrl: sb.rapidsosBase, timeoutMs: 3_000 });
  const fetch: AdditionalDataFetch = (q) => {
    asked.push(q);
    return real(q);
  };
  return { fetch, asked };
}

function tracker(fetch: AdditionalDataFetch) {
  const c = client();
  return new CallTracker({
    database: async () => database,
    lookup: (input) => c.lookup(input),
    bus,
    intervalMs: 60_000,
    afterSync: additionalDataAfterSync(() => fetch),
  });
}

async function trigger(body: unknown) {
  const token = await sb.rapidsosToken();
  const res = await fetch(`${sb.rapidsosBase}/v1/rem/trigger`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  sb = await serveSandbox({ seed: 911 });
  database = await backends[0]!.open();
  bus = new LiveBus(async () => database);
  await bus.start();
  await database.db.insert(users).values({ id: USER.id, email: USER.email, name: USER.name, role: "telecommunicator" });
});
afterAll(async () => {
  await database?.close();
  await sb?.close();
});
beforeEach(async () => {
  await sb.control("POST", "reset", {});
  await database.db.delete(callWatches);
  await database.db.delete(calls);
});

async function watch(phone: string) {
  await database.db.insert(callWatches).values({ userId: USER.id, phone });
  await database.db.insert(calls).values({ phone });
}

describe("additional data for a tracked call", () => {
  it("is fetched by the poller once it exists, stored, announced, and then not asked for on every poll", async () => {
    await watch(PHONE);
    const { fetch, asked } = countingFetcher();
    const t = tracker(fetch);
    await t.wake();
    // LEI has no call yet: RAD-E is not asked either.
    expect(asked).toHaveLength(0);

    await trigger(sampleTrigger("data_connect"));
    const events: LiveEvent[] = [];
    const stop = bus.subscribe((e) => events.push(e));
    await t.wake();
    stop();
    expect(asked).toHaveLength(1);
    const [call] = await database.db.select().from(calls).where(eq(calls.phone, PHONE)).orderBy(calls.firstSeenAt);
    const active = (await database.db.select().from(calls).where(eq(calls.status, "active"))).find((c) => c.callStartTime !== null)!;
    expect(call).toBeDefined();
    await expect.poll(() => events.some((e) => e.type === "call" && e.id === active.id)).toBe(true);

    const shown = await readAdditionalData(database.db, active.id, Date.now());
    expect(shown!.data!.flags.map((f) => f.label)).toEqual(["Do not resuscitate (DNR)", "Oxygen dependent"]);
    const types = shown!.data!.sections.map((s) => (s.kind === "section" ? s.type : s.kind));
    expect(types).toEqual(["profile", "medical", "contacts", "vehicle", "device", "crash_telemetry", "emergency_flow"]);

    // More polls within the recheck window: LEI yes, RAD-E no.
    await t.wake();
    await t.wake();
    expect(asked).toHaveLength(1);
  });

  it("uses the token a Data Share brought, before our own credentials", async () => {
    await trigger(sampleTrigger("voice"));
    await database.db.insert(calls).values({ phone: "14125550202" });
    const [row] = await database.db.select().from(calls).where(eq(calls.phone, "14125550202"));
    // Our own client's secret is wrong: only the shared token can succeed.
    const { fetch, asked } = countingFetcher(client("not-the-secret"));
    const shared = new Secret(await sb.rapidsosToken());
    const changed = await refreshAdditionalData(database.db, fetch, { callId: row!.id, phone: "14125550202", token: { accessToken: shared } });
    expect(changed).toBe(true);
    expect(asked[0]!.accessToken).toBe(shared);
    const shown = await readAdditionalData(database.db, row!.id, Date.now());
    expect(shown!.data!.flags.map((f) => f.label)).toEqual(["Deaf or hard of hearing", "Speech impaired", "Autism spectrum"]);
  });

  it("a share token RAD-E refuses falls back to ours for that request, and LEI keeps being offered it", async () => {
    await trigger(sampleTrigger("data_connect"));
    await database.db.insert(calls).values({ phone: PHONE });
    const [row] = await database.db.select().from(calls).where(eq(calls.phone, PHONE));
    const { fetch } = countingFetcher();
    let refusedForLei = 0;
    // What the tracker hands over: the share's token and how LEI is told it was refused.
    const shared = { accessToken: new Secret("expired-share-token"), onRefused: () => (refusedForLei += 1) };
    const changed = await additionalDataAfterSync(() => fetch)(database, PHONE, { currentCallId: row!.id }, shared);
    expect(changed).toEqual([row!.id]);
    expect(refusedForLei).toBe(0);
  });

  it("keeps the last document for review after RAD-E forgets the call, and a malformed one still shows the rest", async () => {
    await trigger(sampleTrigger("voice"));
    await database.db.insert(calls).values({ phone: "14125550202" });
    const [row] = await database.db.select().from(calls).where(eq(calls.phone, "14125550202"));
    const { fetch } = countingFetcher();
    const t0 = new Date();
    await sb.control("POST", "workflow/faults", { kind: "malformed_additional_data" });
    expect(await refreshAdditionalData(database.db, fetch, { callId: row!.id, phone: "14125550202", now: t0 })).toBe(true);
    let shown = (await readAdditionalData(database.db, row!.id, Date.now()))!.data!;
    expect(shown.sections.filter((s) => s.kind === "unreadable")).toHaveLength(1);
    expect(shown.flags).toHaveLength(3);

    // The call's data expires upstream (404): what we stored stays.
    await sb.advanceClock(30 * 60_000);
    expect(await refreshAdditionalData(database.db, fetch, { callId: row!.id, phone: "14125550202", now: new Date(t0.getTime() + 60_000) })).toBe(false);
    shown = (await readAdditionalData(database.db, row!.id, Date.now()))!.data!;
    expect(shown.sections.length).toBeGreaterThan(0);
    const [stored] = await database.db.select().from(additionalData).where(eq(additionalData.callId, row!.id));
    expect(stored!.checkedAt.getTime()).toBe(t0.getTime() + 60_000);
  });

  it("each view is audited with who, whose number and which call", async () => {
    await database.db.insert(calls).values({ phone: "14125550209" });
    const [row] = await database.db.select().from(calls).where(eq(calls.phone, "14125550209"));
    const response = await viewAdditionalData(
      { db: database.db, user: USER, meta: { ip: "10.0.0.7", userAgent: "test", requestId: "r1" }, context: "console" },
      row!.id,
    );
    expect(response.data).toBeNull();
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.target, row!.id));
    expect(audit).toMatchObject([{ action: "additional_data.view", outcome: "success", actorId: USER.id, phone: "14125550209", ip: "10.0.0.7", detail: { context: "console", present: false } }]);
  });
});
