import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_DEFAULTS } from "@/lib/config/env";
import { Secret } from "@/lib/config/secret";
import type { Database } from "@/lib/db/client";
import { callerLocations, calls, datashareDeliveries } from "@/lib/db/schema";
import { RapidsosClient } from "@/lib/rapidsos/client";
import { createSandbox, type Sandbox } from "@/sandbox";
import { backends } from "@/testing/databases";
import { serve, type Served } from "@/testing/serve";
import { syncPhone, type LeiLookup } from "./sync";

const WALKING = "14125550101";

describe("syncing a caller with LEI over HTTP", () => {
  let sandbox: Sandbox;
  let server: Served;
  let database: Database;
  let lookup: LeiLookup;
  let requests = 0;

  beforeAll(async () => {
    sandbox = createSandbox({ seed: 911, tokenTtlSeconds: 3600, leiRateLimitPerMinute: 10_000 });
    sandbox.clock.pause();
    server = await serve((req) => sandbox.handle(req));
    database = await backends[0]!.open();
    const client = new RapidsosClient({
      baseUrl: `${server.url}/sandbox/rapidsos`,
      clientId: SANDBOX_DEFAULTS.rapidsosClientId,
      clientSecret: new Secret(SANDBOX_DEFAULTS.rapidsosClientSecret),
      timeoutMs: 5000,
    });
    lookup = (input) => {
      requests++;
      return client.lookup(input);
    };
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it("stores the caller's whole history on first sight, then only what is new", async () => {
    const first = await syncPhone(database.db, lookup, WALKING);
    expect(first.found).toBe(true);
    expect(first.inserted).toBeGreaterThan(3);
    expect(first.inserted).toBe(first.received);
    const stored = await database.db.select().from(callerLocations).where(eq(callerLocations.phone, WALKING));
    expect(stored).toHaveLength(first.inserted);
    // Ascending and unique by time.
    const times = stored.map((s) => s.createdTime).sort((a, b) => a - b);
    expect(new Set(times).size).toBe(times.length);

    requests = 0;
    const again = await syncPhone(database.db, lookup, WALKING);
    expect(again).toMatchObject({ found: true, inserted: 0, changedCallIds: [] });
    // Nothing new: one request for the latest record is all it costs.
    expect(requests).toBe(1);

    sandbox.clock.advance(60_000);
    const later = await syncPhone(database.db, lookup, WALKING);
    expect(later.inserted).toBeGreaterThan(0);
    expect(later.changedCallIds).toEqual([first.currentCallId]);
    const [call] = await database.db.select().from(calls).where(eq(calls.id, first.currentCallId!));
    expect(call?.locationCount).toBe(first.inserted + later.inserted);
  });

  it("ends a call once LEI stops answering for it", async () => {
    const end = await fetch(`${server.url}/sandbox/control/calls/${WALKING}/end`, { method: "POST" });
    expect(end.ok).toBe(true);
    sandbox.clock.advance(11 * 60_000);
    const miss1 = await syncPhone(database.db, lookup, WALKING);
    expect(miss1).toMatchObject({ found: false, statusChangedCallIds: [] });
    const miss2 = await syncPhone(database.db, lookup, WALKING);
    expect(miss2.statusChangedCallIds).toHaveLength(1);
    const [call] = await database.db.select().from(calls).where(eq(calls.phone, WALKING));
    expect(call).toMatchObject({ status: "ended" });
    expect(call?.endedAt).toBeInstanceOf(Date);
    // History stays for review.
    expect(await database.db.select().from(callerLocations).where(eq(callerLocations.phone, WALKING))).not.toHaveLength(0);
  });

  it("stops offering a shared token RapidSOS refused, and uses our own credentials", async () => {
    let refusals = 0;
    const result = await syncPhone(database.db, lookup, "14125550102", {
      accessToken: new Secret("not-a-token-rapidsos-issued"),
      onRefused: () => refusals++,
    });
    expect(result.found).toBe(true);
    expect(result.inserted).toBeGreaterThan(0);
    expect(refusals).toBe(1);
  });

  it("moves a share that landed on a superseded call to the caller's new call", async () => {
    const [current] = await database.db.select().from(calls).where(eq(calls.phone, "14125550102"));
    const [older] = await database.db
      .insert(calls)
      .values({ phone: "14125550102", callStartTime: current!.callStartTime! - 3_600_000, status: "active" })
      .returning();
    // The share arrived after the new call began, but only the older call was known as active.
    await database.db.update(calls).set({ status: "ended" }).where(eq(calls.id, current!.id));
    await database.db.insert(datashareDeliveries).values({
      bodySha256: "carry-test",
      phone: "14125550102",
      callId: older!.id,
      receivedAt: new Date(current!.callStartTime! + 1000),
    });
    const result = await syncPhone(database.db, lookup, "14125550102");
    expect(result.statusChangedCallIds).toContain(older!.id);
    const [delivery] = await database.db
      .select()
      .from(datashareDeliveries)
      .where(eq(datashareDeliveries.bodySha256, "carry-test"));
    expect(delivery?.callId).toBe(result.currentCallId);
    const [now] = await database.db.select().from(calls).where(eq(calls.id, result.currentCallId!));
    expect(now).toMatchObject({ shared: true, status: "active" });
  });

  it("reports a number LEI has never heard of as not found, storing nothing", async () => {
    const result = await syncPhone(database.db, lookup, "14125559999");
    expect(result).toMatchObject({ found: false, inserted: 0 });
    expect(await database.db.select().from(calls).where(eq(calls.phone, "14125559999"))).toHaveLength(0);
  });
  it("a lookup by hand finds a caller whose records are older than the call held (the sandbox clock reset)", async () => {
    await database.db.delete(callerLocations);
    await database.db.delete(datashareDeliveries);
    await database.db.delete(calls);
    sandbox.reset(911);
    sandbox.clock.pause();
    sandbox.clock.advance(5 * 60_000);
    expect((await syncPhone(database.db, lookup, WALKING)).found).toBe(true);
    // The data clock goes back: LEI's records for the caller now all predate the newest one held.
    sandbox.reset(911);
    sandbox.clock.pause();
    expect((await syncPhone(database.db, lookup, WALKING)).found).toBe(false); // a tracker poll: one request
    const byHand = await syncPhone(database.db, lookup, WALKING, undefined, { askWholeOnMiss: true });
    expect(byHand.found).toBe(true);
    expect(byHand.currentCallId).not.toBeNull();
  });
});
