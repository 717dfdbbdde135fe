import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, calls, datashareDeliveries } from "@/lib/db/schema";
import { backends } from "@/testing/databases";
import { serve } from "@/testing/serve";
import { requestMeta } from "@/lib/server/http";
import { receiveDelivery } from "./handler";
import { signBody } from "./signature";
import { sharedLeiToken } from "./tokens";
import { CURRENT_SECRET, deliveryBody, openHarness, post, PREVIOUS_SECRET, type Harness } from "./testing";
import { SealKey } from "./seal";
import { forgetSpentTokens, SPENT_TOKEN_AGE_MS } from "./store";
import { randomBytes } from "node:crypto";

describe.each(backends)("POST /api/datashare on $name", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(backend);
  });
  afterAll(() => h?.close());
  beforeEach(async () => {
    await h.settle();
    h.events.length = 0;
    h.wakes = 0;
    // audit_log is append-only by trigger; tests read rows after a marker instead of deleting.
    await h.database.db.delete(datashareDeliveries);
    await h.database.db.delete(calls);
  });

  const db = () => h.database.db;
  const deliveries = () => db().select().from(datashareDeliveries);
  const allCalls = () => db().select().from(calls);
  const lastAudit = async () => {
    const rows = await db().select().from(auditLog).where(eq(auditLog.action, "datashare.received")).orderBy(asc(auditLog.id));
    return rows[rows.length - 1]!;
  };

  it("accepts a signed delivery: stores it, shares a new call, audits, then nudges and wakes the tracker once", async () => {
    const body = deliveryBody({}, "first");
    const res = await post(h.served.url, body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "accepted" });

    const [call] = await allCalls();
    expect(call).toMatchObject({ phone: "14125550101", shared: true, status: "active", callStartTime: null });
    const [delivery] = await deliveries();
    expect(delivery).toMatchObject({
      phone: "14125550101",
      callId: call!.id,
      incidentLatitude: 40.4406,
      incidentLongitude: -79.9959,
      eccAccountId: "sandbox-ecc",
      bbox: [-80.36, 40.19, -79.69, 40.67],
    });
    expect(delivery!.bodySha256).toMatch(/^[0-9a-f]{64}$/);
    expect(delivery!.accessTokenSealed).not.toContain("lei-token");
    expect(h.sealKey.unseal(delivery!.accessTokenSealed!)?.reveal()).toBe("lei-token-first");

    const audit = await lastAudit();
    expect(audit).toMatchObject({ outcome: "success", phone: "14125550101", ip: "127.0.0.1", userAgent: "datashare-test" });
    expect(audit.detail).toMatchObject({
      reason: "accepted",
      share: "created",
      callId: call!.id,
      keyUsed: { matched: 1, of: 2 },
      fields: { phone: "query", incident: "incident_location", eccAccountId: "ecc_account_id", bbox: "bounding_box:min/max" },
    });
    const row = JSON.stringify(audit);
    for (const secret of ["lei-token-first", CURRENT_SECRET.reveal(), signBody(CURRENT_SECRET.reveal(), body), body]) {
      expect(row).not.toContain(secret);
    }

    await h.settle();
    await vi.waitFor(() => {
      expect(h.events).toContainEqual({ type: "shared", id: call!.id, phone: "14125550101" });
      expect(h.events).toContainEqual({ type: "calls", reason: "shared" });
    });
    // Once: the `shared` nudge wakes it (as on every instance); a second, direct wake ran a second full tick.
    expect(h.wakes).toBe(1);
  });

  it("answers before the follow-up work finishes", async () => {
    let release = () => undefined as void;
    const gate = new Promise<void>((r) => (release = r));
    let followUpDone = false;
    const slow = await serve((req) =>
      receiveDelivery(req, requestMeta(req), {
        ...h.deps,
        defer: (task) => void task(),
        onAccepted: async () => {
          await gate;
          followUpDone = true;
        },
      }),
    );
    try {
      const res = await post(slow.url, deliveryBody());
      expect(res.status).toBe(200);
      expect(followUpDone).toBe(false);
    } finally {
      release();
      await slow.close();
    }
  });

  it("takes a retry of the same delivery with 200 and stores nothing new, even when retries race", async () => {
    const body = deliveryBody();
    expect((await post(h.served.url, body)).status).toBe(200);
    await h.settle();
    h.events.length = 0;
    const again = await post(h.served.url, body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: "accepted", duplicate: true });
    const racing = await Promise.all(Array.from({ length: 5 }, () => post(h.served.url, body)));
    expect(racing.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await deliveries()).toHaveLength(1);
    expect(await allCalls()).toHaveLength(1);
    expect((await lastAudit()).detail).toMatchObject({ reason: "replay" });
    await h.settle();
    expect(h.events).toEqual([]);
  });

  it("accepts a delivery signed with the previous secret while it is configured, and uppercase hex", async () => {
    const rotated = await post(h.served.url, deliveryBody(), { secret: PREVIOUS_SECRET });
    expect(rotated.status).toBe(200);
    expect((await lastAudit()).detail).toMatchObject({ keyUsed: { matched: 2, of: 2 } });
    const body = deliveryBody();
    const upper = await post(h.served.url, body, { signature: signBody(CURRENT_SECRET.reveal(), body).toUpperCase() });
    expect(upper.status).toBe(200);
    expect(await deliveries()).toHaveLength(2);
  });

  const body = deliveryBody({}, "fixed");
  const good = signBody(CURRENT_SECRET.reveal(), body);
  it.each([
    ["a wrong secret", body, signBody("wrong-secret", body), "signature_mismatch"],
    ["no signature header", body, null, "signature_missing"],
    ["a sha1= prefix", body, `sha1=${good}`, "signature_malformed"],
    ["a truncated signature", body, good.slice(0, 39), "signature_malformed"],
    ["a tampered body", body.replace("0101", "0102"), good, "signature_mismatch"],
    ["an unsigned garbage body", "not json at all", null, "signature_missing"],
  ])("refuses %s with 401 and stores nothing but the audit row", async (_, sent, signature, reason) => {
    const res = await post(h.served.url, sent, { signature });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "invalid_signature" });
    expect(await deliveries()).toHaveLength(0);
    expect(await allCalls()).toHaveLength(0);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ outcome: "denied", phone: null, detail: { reason, keysTried: 2 } });
    expect(JSON.stringify(audit)).not.toContain(good);
  });

  it("refuses a body over 64 KiB with 400 before checking anything, and takes one of exactly 64 KiB", async () => {
    const padded = (size: number) => {
      const start = deliveryBody({ padding: "" });
      return start.replace('"padding":""', `"padding":"${"x".repeat(size - start.length)}"`);
    };
    const over = padded(64 * 1024 + 1);
    expect(Buffer.byteLength(over)).toBe(65_537);
    const res = await post(h.served.url, over);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ detail: expect.stringMatching(/larger than 65536/) });
    expect((await lastAudit()).detail).toMatchObject({ reason: "too_large" });
    const exact = padded(64 * 1024);
    expect((await post(h.served.url, exact)).status).toBe(200);
    expect(await deliveries()).toHaveLength(1);
  });

  it.each([
    ["not JSON", "{nope", "not_json"],
    ["invalid UTF-8", Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), "not_json"],
    ["a JSON array", "[1,2]", "invalid_field"],
    ["an empty body", "", "not_json"],
  ])("refuses a signed body that is %s with 400", async (_, sent, reason) => {
    const res = await post(h.served.url, sent);
    expect(res.status).toBe(400);
    expect((await lastAudit())).toMatchObject({ outcome: "failure", detail: { reason } });
    expect(await deliveries()).toHaveLength(0);
  });

  it.each([
    ["no phone number", { query: undefined }, "query"],
    ["an impossible phone number", { query: "tel://123" }, "query"],
    ["no access token", { access_token: undefined }, "access_token"],
    ["an empty access token", { access_token: "" }, "access_token"],
    ["latitude out of range", { incident_location: { latitude: 95, longitude: 0 } }, "incident_location.latitude"],
    ["longitude out of range", { incident_location: { latitude: 0, longitude: 190 } }, "incident_location.longitude"],
    ["no bounding box", { bounding_box: undefined }, "bounding_box"],
    ["south above north", { bounding_box: [-80, 41, -79, 40] }, "bounding_box"],
    ["a box out of range", { bounding_box: { north: 91, south: 40, east: -79, west: -80 } }, "bounding_box.north"],
    ["an account id of the wrong type", { ecc_account_id: [1] }, "ecc_account_id"],
  ])("refuses %s with 400 naming the field", async (_, overrides, field) => {
    const res = await post(h.served.url, deliveryBody(overrides));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "bad_request", detail: expect.stringContaining(`${field}: `) });
    expect(await deliveries()).toHaveLength(0);
    expect(await allCalls()).toHaveLength(0);
    expect(await lastAudit()).toMatchObject({ outcome: "failure", detail: { reason: "invalid_field", field } });
    await h.settle();
    expect(h.events).toEqual([]);
  });

  it("shares a call someone had looked up, and attaches later deliveries to it", async () => {
    const [looked] = await db().insert(calls).values({ phone: "14125550101", callStartTime: 1_700_000_000_000 }).returning();
    expect((await post(h.served.url, deliveryBody())).status).toBe(200);
    expect((await lastAudit()).detail).toMatchObject({ share: "shared", callId: looked!.id });
    expect((await post(h.served.url, deliveryBody({ ecc_account_id: "other-ecc" }))).status).toBe(200);
    expect((await lastAudit()).detail).toMatchObject({ share: "attached", callId: looked!.id });
    const rows = await allCalls();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: looked!.id, shared: true });
    expect(await deliveries()).toHaveLength(2);
    await h.settle();
    await vi.waitFor(() => expect(h.events).toContainEqual({ type: "call", id: looked!.id }));
    expect(h.events.filter((e) => e.type === "shared")).toHaveLength(1);
    // One wake per share: the first through its `shared` nudge, the attached one directly.
    expect(h.wakes).toBe(2);
  });

  it("does not share concurrent deliveries for one number into two calls", async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => post(h.served.url, deliveryBody())));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await allCalls()).toHaveLength(1);
    expect(await deliveries()).toHaveLength(6);
  });

  it("starts a new call when the number's earlier shared call has ended", async () => {
    await post(h.served.url, deliveryBody());
    await db().update(calls).set({ status: "ended", endedAt: new Date() });
    await post(h.served.url, deliveryBody());
    const rows = await allCalls();
    expect(rows.map((r) => r.status).sort()).toEqual(["active", "ended"]);
  });

  it("hands the tracker the newest delivery's token for an active shared call, and nothing otherwise", async () => {
    await post(h.served.url, deliveryBody({}, "older"));
    await new Promise((r) => setTimeout(r, 5));
    await post(h.served.url, deliveryBody({}, "newer"));
    expect((await sharedLeiToken(db(), "14125550101", h.sealKey))?.reveal()).toBe("lei-token-newer");
    expect(await sharedLeiToken(db(), "14125550102", h.sealKey)).toBeUndefined();
    expect(await sharedLeiToken(db(), "14125550101", new SealKey(randomBytes(32)))).toBeUndefined();
    await db().update(calls).set({ status: "ended" });
    expect(await sharedLeiToken(db(), "14125550101", h.sealKey)).toBeUndefined();
  });

  it("forgets sealed tokens of ended calls and past their lifetime, keeping the deliveries", async () => {
    await post(h.served.url, deliveryBody({ query: "tel://14125550101" }));
    await post(h.served.url, deliveryBody({ query: "tel://14125550102" }));
    await post(h.served.url, deliveryBody({ query: "tel://14125550103" }));
    await db().update(calls).set({ status: "ended" }).where(eq(calls.phone, "14125550101"));
    const old = new Date(Date.now() - SPENT_TOKEN_AGE_MS - 60_000);
    await db().update(datashareDeliveries).set({ receivedAt: old }).where(eq(datashareDeliveries.phone, "14125550102"));
    expect(await forgetSpentTokens(db())).toBe(2);
    const rows = await deliveries();
    expect(rows).toHaveLength(3);
    const sealed = Object.fromEntries(rows.map((r) => [r.phone, r.accessTokenSealed !== null]));
    expect(sealed).toEqual({ "14125550101": false, "14125550102": false, "14125550103": true });
    expect(await sharedLeiToken(db(), "14125550103", h.sealKey)).toBeDefined();
  });
});
