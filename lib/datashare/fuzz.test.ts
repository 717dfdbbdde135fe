/**
 * Thousands of random and mutated deliveries: whatever arrives, the handler answers 200, 400 or
 * 401 (never a 5xx), writes one audit row each, and only a delivery it accepted leaves a trace.
 * Seeded, so a failure replays exactly (FUZZ_SEED picks another run).
 */
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, calls, datashareDeliveries } from "@/lib/db/schema";
import { backends } from "@/testing/databases";
import { requestMeta } from "@/lib/server/http";
import { receiveDelivery } from "./handler";
import { SIGNATURE_HEADER, signBody } from "./signature";
import { mutate, mutateText, rng, type Rng } from "./fuzzing";
import { CURRENT_SECRET, deliveryBody, openHarness, type Harness } from "./testing";

// Test tooling only: reproduce a failing run with FUZZ_SEED=<seed>.
const SEED = Number(process.env.FUZZ_SEED ?? 20261107);
const ROUNDS = 2500;

function badSignature(r: Rng, body: string): string | null {
  const good = signBody(CURRENT_SECRET.reveal(), body);
  const flip = r.int(40);
  const options = [
    null,
    "",
    `sha1=${good}`,
    good.slice(0, 39),
    `${good}0`,
    ` ${good}`.slice(0, 40),
    good.slice(0, flip) + ((Number.parseInt(good[flip]!, 16) + 1) % 16).toString(16) + good.slice(flip + 1),
    signBody("a-wrong-secret", body),
    Array.from({ length: 40 }, () => "0123456789abcdef"[r.int(16)]).join(""),
    Buffer.from(good, "hex").toString("base64"),
  ];
  return r.pick(options);
}

describe.each(backends)("fuzzing the Data Share handler on $name", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(backend);
  });
  afterAll(() => h?.close());

  it(`${ROUNDS} deliveries: never a 5xx, only accepted ones stored, one audit row each`, async () => {
    const r = rng(SEED);
    const acceptedHashes = new Set<string>();
    const refusedHashes = new Set<string>();
    const acceptedBodies: (string | Buffer)[] = [];
    const statuses = new Map<number, number>();
    const auditCount = async () =>
      (
        await h.database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(auditLog)
          .where(eq(auditLog.action, "datashare.received"))
      )[0]!.n;
    const before = await auditCount();

    for (let i = 0; i < ROUNDS; i++) {
      const kind = r.int(5);
      const phone = `1412555${String(1000 + r.int(60)).padStart(4, "0")}`;
      let body: string | Buffer = deliveryBody({ query: `tel://${phone}` }, `${i}`);
      let signature: string | null;
      let expected: number[];
      if (kind === 0) {
        body = Buffer.from(Array.from({ length: r.int(400) }, () => r.int(256)));
        signature = r.next() < 0.5 ? signBody(CURRENT_SECRET.reveal(), body) : badSignature(r, body.toString("latin1"));
        expected = [400, 401];
      } else if (kind === 1) {
        body = JSON.stringify(mutate(r, JSON.parse(body)));
        signature = signBody(CURRENT_SECRET.reveal(), body);
        expected = [200, 400];
      } else if (kind === 2) {
        body = mutateText(r, body);
        signature = signBody(CURRENT_SECRET.reveal(), body);
        expected = [200, 400];
      } else if (kind === 3) {
        signature = badSignature(r, body);
        expected = [401];
      } else {
        // A retry of something accepted before, or a fresh valid delivery.
        if (acceptedBodies.length > 0 && r.next() < 0.5) body = r.pick(acceptedBodies);
        signature = signBody(CURRENT_SECRET.reveal(), body);
        expected = [200];
      }
      const req = new Request("http://handler.test/api/datashare", {
        method: "POST",
        headers: {
          ...(signature === null ? {} : { [SIGNATURE_HEADER]: signature }),
          "content-type": r.pick(["application/json", "text/plain", "application/x-www-form-urlencoded", ""]),
          "user-agent": `fuzz-${i}`,
        },
        body: typeof body === "string" ? body : Uint8Array.from(body),
      });
      const res = await receiveDelivery(req, requestMeta(req), h.deps);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const context = `round ${i} (kind ${kind}, seed ${SEED}): ${String(body).slice(0, 200)}`;
      expect(expected, context).toContain(res.status);
      const hash = createHash("sha256").update(body).digest("hex");
      if (res.status === 200) {
        acceptedHashes.add(hash);
        acceptedBodies.push(body);
      } else refusedHashes.add(hash);
    }
    await h.settle();

    const stored = await h.database.db.select().from(datashareDeliveries);
    for (const d of stored) {
      expect(acceptedHashes.has(d.bodySha256)).toBe(true);
      expect(refusedHashes.has(d.bodySha256)).toBe(false);
      expect(d.phone).toMatch(/^\d{7,15}$/);
      const [west, south, east, north] = d.bbox!;
      expect(south).toBeLessThanOrEqual(north);
      for (const lat of [south, north, d.incidentLatitude ?? 0]) expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      for (const lon of [west, east, d.incidentLongitude ?? 0]) expect(Math.abs(lon)).toBeLessThanOrEqual(180);
      expect(h.sealKey.unseal(d.accessTokenSealed!)?.reveal()).toMatch(/^[\x21-\x7e]+$/);
    }
    expect(stored.length).toBe(acceptedHashes.size);
    // Every call was made by an accepted delivery: one per number that had one.
    const storedPhones = new Set(stored.map((d) => d.phone));
    const callRows = await h.database.db.select().from(calls);
    expect(new Set(callRows.map((c) => c.phone))).toEqual(storedPhones);
    expect(callRows).toHaveLength(storedPhones.size);
    for (const c of callRows) expect(c.shared).toBe(true);

    expect((await auditCount()) - before).toBe(ROUNDS);
    // The run really exercised every answer.
    for (const status of [200, 400, 401]) expect(statuses.get(status) ?? 0).toBeGreaterThan(ROUNDS / 20);
  }, 300_000);
});
