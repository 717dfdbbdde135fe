/** Review queries on every database backend: filters, paging, nearest devices, audited view/export. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import type { Database } from "@/lib/db/client";
import { auditLog, calls, devicePositions } from "@/lib/db/schema";
import { PEER_ADDRESS_HEADER } from "@/lib/server/client-address";
import { requestMeta } from "@/lib/server/http";
import { backends } from "@/testing/databases";
import { reviewPageSchema } from "./filters";
import { listReviewCalls } from "./list";
import { exportReviewCall, nearestDevicesForCall, searchReviewCalls, viewReviewCall } from "./audited-review";
import { shareCall, storeCall, storePosition, T0 } from "./testing";

const supervisor: SessionUser = { id: "00000000-0000-4000-8000-00000000000a", email: "sup@ecc.test", name: "Sup", role: "supervisor", sessionId: "s" };
const meta = requestMeta(new Request("http://x/", { headers: { [PEER_ADDRESS_HEADER]: "10.0.0.7", "user-agent": "vitest" } }));
const query = (q: Record<string, string>) => reviewPageSchema.parse(q);
const BOX: [number, number, number, number] = [-80.1, 40.3, -79.8, 40.4455];

describe.each(backends)("review on $name", (backend) => {
  let database: Database;
  let a: string;
  let b: string;
  let c: string;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    const db = database.db;
    await db.delete(calls);
    await db.delete(devicePositions);
    // Three calls an hour apart: a (oldest, ended), b (shared, walks out of the box), c (newest).
    a = await storeCall(db, "14125550101", 2, () => ({ callStartTime: T0 - 3_600_000 }));
    b = await storeCall(db, "14125550102", 8, () => ({ callStartTime: T0 }));
    c = await storeCall(db, "14125550103", 1, () => ({ callStartTime: T0 + 3_600_000, callerName: null }));
    await db.update(calls).set({ status: "ended", endedAt: new Date(T0) }).where(eq(calls.id, a));
    await db.update(calls).set({ shared: true }).where(eq(calls.id, b));
    await shareCall(db, b, "14125550102", BOX);
  });

  it("lists newest call start first with counts, share and the outside flag", async () => {
    const page = await listReviewCalls(database.db, {});
    expect(page.calls.map((r) => r.id)).toEqual([c, b, a]);
    expect(page.nextBefore).toBeNull();
    const shared = page.calls[1]!;
    expect(shared).toMatchObject({ phone: "14125550102", locationCount: 8, shared: true, status: "active", callStartTime: T0 });
    // The newest location (40.447) is north of the box's 40.4455 edge.
    expect(shared.share).toMatchObject({ eccAccountId: "ecc-allegheny", outsideJurisdiction: true, bbox: BOX });
    expect(shared.latest?.latitude).toBeCloseTo(40.447, 6);
    expect(page.calls[0]!.share).toBeNull();
    expect(page.calls[2]).toMatchObject({ status: "ended", endedAt: T0 });
  });

  it("filters by phone typed any way, time range (UTC), status and shared", async () => {
    const ids = async (q: Record<string, string>) => (await listReviewCalls(database.db, query(q))).calls.map((r) => r.id);
    expect(await ids({ phone: "(412) 555-0102" })).toEqual([b]);
    expect(await ids({ phone: "+1 412 555 0101" })).toEqual([a]);
    expect(await ids({ phone: "tel:+14125550199" })).toEqual([]);
    expect(await ids({ status: "ended" })).toEqual([a]);
    expect(await ids({ status: "active" })).toEqual([c, b]);
    expect(await ids({ shared: "1" })).toEqual([b]);
    const at = (ms: number) => new Date(ms).toISOString().slice(0, 19); // no zone: read as UTC
    expect(await ids({ from: at(T0 - 1000) })).toEqual([c, b]);
    expect(await ids({ to: at(T0 + 1000) })).toEqual([b, a]);
    expect(await ids({ from: at(T0 - 1000), to: at(T0 + 1000), shared: "true" })).toEqual([b]);
    expect(() => query({ phone: "12" })).toThrow(/phone/);
    expect(() => query({ from: "yesterday" })).toThrow(/from/);
  });

  it("pages with a keyset cursor that never skips or repeats, even on equal start times", async () => {
    const same = await storeCall(database.db, "14125550104", 1, () => ({ callStartTime: T0 }));
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const q: Record<string, string> = { limit: "1", ...(before ? { before } : {}) };
      const { before: cursor, limit, ...filters } = query(q);
      const page = await listReviewCalls(database.db, filters, { before: cursor, limit });
      seen.push(...page.calls.map((r) => r.id));
      before = page.nextBefore;
    } while (before !== null);
    expect(seen).toHaveLength(4);
    expect(new Set(seen)).toEqual(new Set([a, b, c, same]));
    expect(seen[0]).toBe(c);
    expect(seen[3]).toBe(a);
    expect(() => query({ before: "1; drop table calls" })).toThrow(/before/);
  });

  it("ranks the devices nearest at a moment from each one's last position at or before it", async () => {
    const db = database.db;
    const at = T0 + 7 * 5000; // b's last location, 40.447
    await storePosition(db, "near", at - 60_000, 40.4475); // ~55 m north
    await storePosition(db, "near", at + 1000, 40.0); // after the moment: ignored
    await storePosition(db, "far", at - 5000, 40.457); // ~1.1 km north
    await storePosition(db, "moved", at - 600_000, 40.4471, -79.989); // older but closest
    await storePosition(db, "moved", at - 300_000, 40.444); // newer: this one counts (~333 m south)
    await storePosition(db, "stale", at - 16 * 60_000, 40.447); // older than 15 min: unknown
    await storePosition(db, "future", at + 60_000, 40.447); // not yet there

    const result = await nearestDevicesForCall(db, supervisor, b, at);
    expect(result.origin).toMatchObject({ locationTime: at });
    expect(result.devices.map((d) => d.deviceId)).toEqual(["near", "moved", "far"]);
    const [near, moved] = result.devices;
    expect(near).toMatchObject({ latitude: 40.4475, ageMs: 60_000, badge: "NEAR", status: "recording" });
    expect(near!.distanceM).toBeCloseTo(55.6, 0);
    expect(Math.round(near!.bearingDeg)).toBe(0);
    expect(moved).toMatchObject({ latitude: 40.444, ageMs: 300_000 });
    expect(Math.round(moved!.bearingDeg)).toBe(180);

    // Earlier in the call the caller was further south, "far" had not reported yet, and the
    // device 16 minutes stale then is still 15.4 minutes stale: unknown.
    const early = await nearestDevicesForCall(db, supervisor, b, T0);
    expect(early.origin).toMatchObject({ locationTime: T0, latitude: 40.44 });
    expect(early.devices.map((d) => [d.deviceId, d.latitude])).toEqual([["moved", 40.444], ["near", 40.4475]]);
  });

  it("audits each view with phone and call id, and each export with format and rows", async () => {
    const db = database.db;
    const view = await viewReviewCall(db, supervisor, b, meta, { now: T0 });
    expect(view.trail).toHaveLength(8);
    expect(view.share?.eccAccountId).toBe("ecc-allegheny");
    expect(view.trail.map((p) => p.outsideJurisdiction)).toEqual([false, false, false, false, false, false, true, true]);
    const file = await exportReviewCall(db, supervisor, b, "csv", meta, { displayConfidence: 95 });
    expect(file.rows).toBe(8);
    expect(file.body.trimEnd().split("\r\n")).toHaveLength(9);
    await exportReviewCall(db, supervisor, b, "geojson", meta);
    await searchReviewCalls(db, supervisor, query({ phone: "412-555-0102" }), meta);
    await expect(viewReviewCall(db, supervisor, "00000000-0000-4000-8000-000000000000", meta)).rejects.toMatchObject({ status: 404 });

    const rows = await db.select().from(auditLog).where(eq(auditLog.actorId, supervisor.id)).orderBy(auditLog.id);
    expect(rows.map((r) => [r.action, r.target, r.phone])).toEqual([
      ["review.view", b, "14125550102"],
      ["review.export", b, "14125550102"],
      ["review.export", b, "14125550102"],
      ["review.search", null, "14125550102"],
    ]);
    expect(rows[0]).toMatchObject({ outcome: "success", ip: "10.0.0.7", actorEmail: "sup@ecc.test", detail: { locations: 8, shared: true } });
    expect(rows[1]!.detail).toMatchObject({ format: "csv", rows: 8, displayConfidence: 95 });
    expect(rows[2]!.detail).toMatchObject({ format: "geojson", rows: 8 });
    expect(rows[3]!.detail).toMatchObject({ filters: { phone: "14125550102" }, rows: 1 });
  });

  it("exports what was stored, through the database and back, safe for a spreadsheet", async () => {
    const db = database.db;
    const id = await storeCall(db, "14125550105", 2, (i) => ({
      callStartTime: T0 + 7_200_000,
      place: { engine: "rg", name: i === 0 ? "@SUM(A1:A9)" : "Café ☕, \"Point\"", id: null, likelihood: null, address: "-1 Main St", exactLocation: null, latitude: null, longitude: null, contact: null, additionalInfoUrl: null },
    }));
    const csv = await exportReviewCall(db, supervisor, id, "csv", meta, { displayConfidence: 90 });
    expect(csv).toMatchObject({ contentType: "text/csv; charset=utf-8", rows: 2 });
    expect(csv.filename).toMatch(/^call-14125550105-.*\.csv$/);
    expect(csv.body).toContain(",'@SUM(A1:A9),");
    expect(csv.body).toContain(',"Café ☕, ""Point""",');
    expect(csv.body).toContain(",'-1 Main St,");
    const geo = await exportReviewCall(db, supervisor, id, "geojson", meta);
    const parsed = JSON.parse(geo.body) as { features: { geometry: { type: string }; properties: Record<string, unknown> }[] };
    expect(parsed.features.map((f) => f.geometry.type)).toEqual(["Point", "Point", "LineString"]);
    expect(parsed.features[0]!.properties).toMatchObject({ rg_name: "@SUM(A1:A9)", rg_address: "-1 Main St", display_label: "±10 m @ 90%" });
  });
});
