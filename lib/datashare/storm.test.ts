/**
 * A storm of deliveries for one number, as a fuzz sends them: one valid share, then a few hundred
 * mutated but correctly signed variants within half a minute (of the sandbox clock), some of them
 * accepted (the number in another field, without its country code, a changed token…). The real
 * handler, the real tracker polling the real sandbox's LEI over HTTP, a real database: whatever
 * the storm does, the number keeps exactly one call, live and shared, that holds every delivery.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CallTracker } from "@/lib/calls/tracker";
import { SANDBOX_DEFAULTS } from "@/lib/config/env";
import { Secret } from "@/lib/config/secret";
import { calls, datashareDeliveries } from "@/lib/db/schema";
import { RapidsosClient } from "@/lib/rapidsos/client";
import { HealthRegistry } from "@/lib/upstream/health";
import { serveSandbox, type ServedSandbox } from "@/sandbox/testing";
import { backends } from "@/testing/databases";
import { announceShare } from "./app-wiring";
import { mutate, mutateText, rng } from "./fuzzing";
import { deliveryBody, openHarness, post, type Harness } from "./testing";
import { sharedLeiToken } from "./tokens";

const SEED = Number(process.env.FUZZ_SEED ?? 13);
const VARIANTS = 300;
/** Deliveries in flight at once: a storm, not a queue. */
const IN_FLIGHT = 8;

describe.each(backends)("a storm of shares for one number on $name", (backend) => {
  let sandbox: ServedSandbox;
  let h: Harness;
  let tracker: CallTracker;
  let unfollow: () => void;

  beforeAll(async () => {
    // The sandbox's realistic LEI rate limit: a storm must not need a bigger one.
    sandbox = await serveSandbox({ seed: 911 });
    sandbox.sandbox.clock.pause();
    h = await openHarness(backend);
    const client = new RapidsosClient({
      baseUrl: sandbox.rapidsosBase,
      clientId: SANDBOX_DEFAULTS.rapidsosClientId,
      clientSecret: new Secret(SANDBOX_DEFAULTS.rapidsosClientSecret),
      timeoutMs: 5000,
      health: new HealthRegistry(),
    });
    tracker = new CallTracker({
      database: async () => h.database,
      lookup: (input) => client.lookup(input),
      bus: h.bus,
      intervalMs: 250,
      sharedToken: (phone) => sharedLeiToken(h.database.db, phone, h.sealKey),
    });
    // Wired as the running app wires it (app-wiring.ts, startup): nudges and direct wakes poll.
    unfollow = tracker.follow(h.bus);
    h.deps.onAccepted = (stored) => announceShare(h.bus, (phone) => void tracker.pollNow(phone), stored);
  }, 60_000);
  afterAll(async () => {
    tracker?.stop();
    unfollow?.();
    await h?.close();
    await sandbox?.close();
  });

  const callsOf = (phone: string) => h.database.db.select().from(calls).where(eq(calls.phone, phone));

  it.each([
    { when: "a caller LEI already answers for", phone: "14125550101", lateStart: false },
    // Portal can share a call before its first location reached LEI: LEI answers 404 meanwhile.
    { when: "a call shared before LEI has its first record", phone: "14125550150", lateStart: true },
  ])(`$when: one valid share then ${VARIANTS} mutated ones leave one live shared call`, async ({ phone: PHONE, lateStart }) => {
    const token = await sandbox.rapidsosToken();
    const valid = JSON.parse(deliveryBody({ query: `tel://${PHONE}`, access_token: token }, "valid")) as Record<string, unknown>;
    expect((await post(h.served.url, JSON.stringify(valid))).status).toBe(200);
    tracker.start();

    const r = rng(SEED);
    // Variants a fuzz finds sooner or later, always among them: still the same caller.
    const known = [
      { ...valid, query: undefined, phone_number: PHONE.slice(1) },
      { ...valid, query: `tel://${PHONE.slice(1)}` },
      { ...valid, query: "(412) 555-0101", access_token: "a-token-rapidsos-never-issued" },
      { ...valid, incident_location: undefined },
    ].map((v) => JSON.stringify(v));
    const bodies = [
      ...known,
      ...Array.from({ length: VARIANTS - known.length }, (_, i) =>
        i % 2 === 0 ? JSON.stringify(mutate(r, valid)) : mutateText(r, JSON.stringify(valid)),
      ),
    ];
    const statuses = new Map<number, number>();
    for (let i = 0; i < bodies.length; i += IN_FLIGHT) {
      if (lateStart && i === IN_FLIGHT * 10) {
        expect((await sandbox.control("POST", "calls", { kind: "walking", phone: PHONE })).status).toBe(201);
      }
      const batch = bodies.slice(i, i + IN_FLIGHT);
      const answers = await Promise.all(batch.map((b) => post(h.served.url, b)));
      for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
      // Half a minute of the caller walking on, spread over the storm.
      sandbox.sandbox.clock.advance(Math.round((30_000 * IN_FLIGHT) / VARIANTS));
    }
    await h.settle();
    tracker.stop();
    // Every poll the storm started has finished: one more sweep is the state a console would see.
    await tracker.wake();

    // The storm really had accepted variants for this number, not only refusals.
    const deliveries = await h.database.db.select().from(datashareDeliveries).where(eq(datashareDeliveries.phone, PHONE));
    expect(deliveries.length).toBeGreaterThan(known.length);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);

    const rows = await callsOf(PHONE);
    expect(rows.map((c) => ({ status: c.status, shared: c.shared }))).toEqual([{ status: "active", shared: true }]);
    const [call] = rows;
    expect(call!.locationCount).toBeGreaterThan(0);
    for (const d of deliveries) expect(d.callId).toBe(call!.id);
  }, 240_000);
});
