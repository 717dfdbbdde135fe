/**
 * Test harness for the Data Share handler: a real database, a real live bus on it, the handler
 * served over real HTTP, and helpers that sign deliveries the way RapidSOS does. Tests only.
 */
import { randomBytes } from "node:crypto";
import { CallTracker } from "@/lib/calls/tracker";
import { Secret } from "@/lib/config/secret";
import type { Database } from "@/lib/db/client";
import { LiveBus, type LiveEvent } from "@/lib/live/bus";
import { requestMeta } from "@/lib/server/http";
import type { Backend } from "@/testing/databases";
import { serve, type Served } from "@/testing/serve";
import { receiveDelivery, type DatashareDeps } from "./handler";
import { SealKey } from "./seal";
import { announceShare } from "./app-wiring";
import { SIGNATURE_HEADER, signBody } from "./signature";

export const CURRENT_SECRET = new Secret("current-datashare-secret");
export const PREVIOUS_SECRET = new Secret("previous-datashare-secret");

export const VALID_PAYLOAD = {
  query: "tel://14125550101",
  access_token: "handed-over-lei-token",
  incident_location: { latitude: 40.4406, longitude: -79.9959 },
  ecc_account_id: "sandbox-ecc",
  bounding_box: { min_lat: 40.19, min_lon: -80.36, max_lat: 40.67, max_lon: -79.69 },
};

/** A valid delivery body for `phone`, unique unless `nonce` is given. */
export function deliveryBody(overrides: Record<string, unknown> = {}, nonce = randomBytes(6).toString("hex")): string {
  const payload: Record<string, unknown> = { ...VALID_PAYLOAD, access_token: `lei-token-${nonce}`, ...overrides };
  for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete payload[k];
  return JSON.stringify(payload);
}

export interface PostOptions {
  /** Header value; null: no header; default: signed with CURRENT_SECRET. */
  signature?: string | null;
  secret?: Secret;
  headers?: Record<string, string>;
}

export function post(url: string, body: string | Uint8Array, options: PostOptions = {}): Promise<Response> {
  const signature =
    options.signature === undefined ? signBody((options.secret ?? CURRENT_SECRET).reveal(), body) : options.signature;
  return fetch(`${url}/api/datashare`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "datashare-test",
      ...(signature === null ? {} : { [SIGNATURE_HEADER]: signature }),
      ...options.headers,
    },
    // A copy on a plain ArrayBuffer, which fetch's BodyInit insists on.
    body: typeof body === "string" ? body : Uint8Array.from(body),
  });
}

export interface Harness {
  database: Database;
  bus: LiveBus;
  served: Served;
  deps: DatashareDeps;
  sealKey: SealKey;
  events: LiveEvent[];
  /** Polls of the shared caller, counted the way the running app wires them: directly, and from `shared` nudges. */
  wakes: number;
  /** Wait for every deferred follow-up so far. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function openHarness(backend: Backend): Promise<Harness> {
  const database = await backend.open();
  const bus = new LiveBus(async () => database);
  const pending: Promise<void>[] = [];
  const sealKey = new SealKey(randomBytes(32));
  const harness = {} as Harness;
  // A real tracker, following the bus as lib/server/startup.ts has it do, that only counts wakes.
  const tracker = new CallTracker({
    database: async () => database,
    lookup: async () => {
      throw new Error("the harness tracker never polls");
    },
    bus,
    intervalMs: 60_000,
  });
  tracker.pollNow = async () => {
    harness.wakes++;
  };
  const unfollow = tracker.follow(bus);
  const deps: DatashareDeps = {
    db: database.db,
    secrets: [CURRENT_SECRET, PREVIOUS_SECRET],
    sealKey,
    defer: (task) => void pending.push(task()),
    onAccepted: (stored) => announceShare(bus, (phone) => void tracker.pollNow(phone), stored),
  };
  const events: LiveEvent[] = [];
  const unsubscribe = bus.subscribe((e) => events.push(e));
  await bus.start();
  const served = await serve((req) => receiveDelivery(req, requestMeta(req), deps));
  return Object.assign(harness, {
    database,
    bus,
    served,
    deps,
    sealKey,
    events,
    wakes: 0,
    async settle() {
      await Promise.all(pending.splice(0));
      // NOTIFY reaches listeners asynchronously, even on PGlite.
      await new Promise((r) => setTimeout(r, 50));
    },
    async close() {
      unsubscribe();
      unfollow();
      await served.close();
      await database.close();
    },
  });
}
