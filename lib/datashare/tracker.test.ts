/**
 * After a share: the lead's call tracker polls LEI for the shared call with the token the delivery
 * carried, falls back to our own credentials when RapidSOS refuses that token, and ends the call
 * (history kept) once LEI stops answering. Real sandbox over HTTP, real database, real handler.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MISSES_TO_GIVE_UP_EMPTY } from "@/lib/calls/sync";
import { CallTracker } from "@/lib/calls/tracker";
import { SANDBOX_DEFAULTS } from "@/lib/config/env";
import { Secret } from "@/lib/config/secret";
import { callerLocations, calls, datashareDeliveries } from "@/lib/db/schema";
import { RapidsosClient } from "@/lib/rapidsos/client";
import { createSandbox, type Sandbox } from "@/sandbox";
import { sandboxRapidsosToken } from "@/sandbox/tokens";
import { backends } from "@/testing/databases";
import { serve, type Served } from "@/testing/serve";
import { HealthRegistry } from "@/lib/upstream/health";
import { deliveryBody, openHarness, post, type Harness } from "./testing";
import { sharedLeiToken } from "./tokens";

const WALKING = "14125550101";
const DRIVING = "14125550102";

describe.each(backends)("a shared call, tracked on $name", (backend) => {
  let sandbox: Sandbox;
  let lei: Served;
  let h: Harness;
  let tracker: CallTracker;

  beforeAll(async () => {
    sandbox = createSandbox({ seed: 911, tokenTtlSeconds: 3600, leiRateLimitPerMinute: 100_000 });
    sandbox.clock.pause();
    lei = await serve((req) => sandbox.handle(req));
    h = await openHarness(backend);
    const client = new RapidsosClient({
      baseUrl: `${lei.url}/sandbox/rapidsos`,
      clientId: SANDBOX_DEFAULTS.rapidsosClientId,
      clientSecret: new Secret(SANDBOX_DEFAULTS.rapidsosClientSecret),
      timeoutMs: 5000,
      health: new HealthRegistry(),
    });
    tracker = new CallTracker({
      database: async () => h.database,
      lookup: (input) => client.lookup(input),
      bus: h.bus,
      intervalMs: 60_000,
      // Ticks are driven by hand here, back to back: each stands for a whole interval.
      missSpacingMs: 0,
      sharedToken: (phone) => sharedLeiToken(h.database.db, phone, h.sealKey),
    });
  });
  afterAll(async () => {
    tracker?.stop();
    await h?.close();
    await lei?.close();
  });

  /** A token from the sandbox's RapidSOS OAuth endpoint, as RapidSOS would put in the delivery. */
  async function handedToken(): Promise<string> {
    return sandboxRapidsosToken(fetch, `${lei.url}/sandbox/rapidsos`);
  }

  const callOf = async (phone: string) => {
    const rows = await h.database.db.select().from(calls).where(eq(calls.phone, phone));
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  it("polls LEI with the shared token, and the first record claims the shared call", async () => {
    const token = await handedToken();
    expect((await post(h.served.url, deliveryBody({ query: `tel://${WALKING}`, access_token: token }))).status).toBe(200);
    const shared = await callOf(WALKING);
    expect(shared.callStartTime).toBeNull();

    sandbox.resetRequestCounts();
    h.events.length = 0;
    await tracker.wake();
    const counts = sandbox.requestCounts().rapidsos;
    expect(counts.token).toBe(0); // the handed-over token was enough
    expect(counts.location).toBeGreaterThan(0);

    const call = await callOf(WALKING);
    expect(call).toMatchObject({ id: shared.id, shared: true, status: "active" });
    expect(call.callStartTime).toEqual(expect.any(Number));
    expect(call.locationCount).toBeGreaterThan(0);
    const [delivery] = await h.database.db.select().from(datashareDeliveries).where(eq(datashareDeliveries.phone, WALKING));
    expect(delivery!.callId).toBe(shared.id);
    await vi.waitFor(() => expect(h.events).toContainEqual({ type: "call", id: shared.id }));
  });

  it("falls back to our own credentials when RapidSOS refuses the shared token", async () => {
    const sent = deliveryBody({ query: `tel://${DRIVING}`, access_token: "token-rapidsos-no-longer-honours" });
    expect((await post(h.served.url, sent)).status).toBe(200);
    sandbox.resetRequestCounts();
    await tracker.wake();
    const counts = sandbox.requestCounts().rapidsos;
    expect(counts.token).toBe(1); // refused once, then our own token
    const call = await callOf(DRIVING);
    expect(call.locationCount).toBeGreaterThan(0);
    expect(call.shared).toBe(true);
  });

  it("keeps polling while the call is live, then ends it (history kept) when LEI stops answering", async () => {
    const before = (await callOf(WALKING)).locationCount;
    sandbox.clock.advance(30_000);
    await tracker.wake();
    expect((await callOf(WALKING)).locationCount).toBeGreaterThan(before);

    const ended = await fetch(`${lei.url}/sandbox/control/calls/${WALKING}/end`, { method: "POST" });
    expect(ended.status).toBe(200);
    sandbox.clock.advance(11 * 60_000);
    for (let i = 0; i < 3; i++) await tracker.wake();
    const call = await callOf(WALKING);
    expect(call.status).toBe("ended");
    expect(call.shared).toBe(true);
    const history = await h.database.db.select().from(callerLocations).where(eq(callerLocations.callId, call.id));
    expect(history.length).toBe(call.locationCount);
    // An ended call's token is no longer handed out.
    expect(await sharedLeiToken(h.database.db, WALKING, h.sealKey)).toBeUndefined();
  });

  it("gives a call shared before LEI knew the caller its whole grace period, then ends it without a location", async () => {
    // A number the sandbox's LEI never answers for: the share is all we ever have.
    const silent = "14125550177";
    expect((await post(h.served.url, deliveryBody({ query: `tel://${silent}`, access_token: await handedToken() }))).status).toBe(200);
    // One miss short of the limit, it is still a live call waiting for its first location…
    for (let i = 0; i < MISSES_TO_GIVE_UP_EMPTY - 1; i++) await tracker.wake();
    expect(await callOf(silent)).toMatchObject({ status: "active", locationCount: 0 });
    // …and the next miss ends it, with no location ever stored.
    await tracker.wake();
    expect(await callOf(silent)).toMatchObject({ status: "ended", locationCount: 0, shared: true });
    expect(await h.database.db.select().from(callerLocations).where(eq(callerLocations.callId, (await callOf(silent)).id))).toHaveLength(0);
  });
});
