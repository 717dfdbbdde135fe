/**
 * A flood of bad deliveries over real HTTP against the real handler and database: bounded audit
 * rows, 429 with Retry-After past the bucket, and a correctly signed share that still lands.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, datashareDeliveries } from "@/lib/db/schema";
import { requestMeta } from "@/lib/server/http";
import { backends } from "@/testing/databases";
import { serve, type Served } from "@/testing/serve";
import { writeFloodRows } from "./app-wiring";
import { receiveDelivery } from "./handler";
import { RejectionLimiter } from "./rejection-limiter";
import { deliveryBody, openHarness, post, type Harness } from "./testing";

describe.each(backends)("a Data Share flood on $name", (backend) => {
  let h: Harness;
  let served: Served;
  let limiter: RejectionLimiter;
  let now = Date.parse("2026-11-23T10:00:00.000Z");
  beforeAll(async () => {
    h = await openHarness(backend);
    limiter = new RejectionLimiter({ capacity: 5, refillPerMinute: 5, maxSources: 100 }, (rows) => writeFloodRows(h.database.db, rows));
    // The client address as a trusted proxy would give it, so one test can play several sources.
    served = await serve((req) =>
      receiveDelivery(req, { ...requestMeta(req), ip: req.headers.get("x-test-source") }, { ...h.deps, limiter, now: () => now }),
    );
  });
  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  const rows = (action: string) => h.database.db.select().from(auditLog).where(eq(auditLog.action, action));
  const from = (source: string) => ({ headers: { "x-test-source": source } });

  it("audits the first rejections of a source, then answers 429 and counts; a signed share still lands", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 200; i++) {
      const res = await post(served.url, deliveryBody(), { signature: "0".repeat(40), ...from("198.51.100.9") });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get("retry-after");
      await res.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(195);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await rows("datashare.received")).filter((r) => r.ip === "198.51.100.9")).toHaveLength(5);

    // The same address, correctly signed: never throttled by its own garbage.
    const signed = await post(served.url, deliveryBody({}, "during-flood"), from("198.51.100.9"));
    expect(signed.status).toBe(200);
    expect(await h.database.db.select().from(datashareDeliveries)).toHaveLength(1);
    // Another address is not throttled by the first one's failures.
    expect((await post(served.url, deliveryBody(), { signature: null, ...from("198.51.100.10") })).status).toBe(401);

    now += 60_000;
    await limiter.flush(now);
    const [flood] = await rows("datashare.flood");
    expect(flood).toMatchObject({ outcome: "denied", ip: "198.51.100.9", target: "198.51.100.9" });
    expect(flood!.detail).toMatchObject({ throttled: 195, reasons: { signature_mismatch: 195 }, minute: "2026-11-23T10:00:00.000Z" });
    // 200 bad deliveries: 5 rows of their own and one for the rest.
    const total = (await h.database.db.select().from(auditLog)).filter((r) => r.ip === "198.51.100.9");
    expect(total.filter((r) => r.outcome !== "success")).toHaveLength(6);
  });
});
