import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Secret } from "@/lib/config/secret";
import type { Database } from "@/lib/db/client";
import { backends } from "@/testing/databases";
import { auditCsvStream } from "./export";
import { auditFilterSchema } from "./filters";
import { countAudit, queryAudit } from "./query";
import { recordAudit } from "./record";

const meta = { requestId: "r1", ip: "198.51.100.4", userAgent: "Console/1.0" };

describe.each(backends)("audit trail on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
    const db = database.db;
    const at = (s: string) => new Date(`2026-11-22T${s}Z`);
    const sam = { id: "11111111-1111-4111-8111-111111111111", email: "Sam@ECC.test" };
    const tia = { id: "22222222-2222-4222-8222-222222222222", email: "tia@ecc.test" };
    await recordAudit({ action: "auth.signin", outcome: "success", actor: sam, meta, at: at("08:00:00.001") }, db);
    await recordAudit({ action: "lei.lookup", outcome: "success", actor: tia, phone: "14125550101", meta, detail: { records: 3 }, at: at("08:05:00.000") }, db);
    await recordAudit({ action: "lei.lookup", outcome: "failure", actor: tia, phone: "14125550199", meta, detail: { status: 404 }, at: at("08:10:00.000") }, db);
    await recordAudit({ action: "admin.user_update", outcome: "success", actor: sam, target: "tia@ecc.test", meta, at: at("09:00:00.000") }, db);
    await recordAudit({ action: "datashare.received", outcome: "failure", meta: { ip: "192.0.2.1", userAgent: null }, detail: { reason: "bad signature", secret: "shh", token: new Secret("t") }, at: at("09:30:00.999") }, db);
  });
  afterAll(async () => {
    await database?.close();
  });

  const query = (raw: Record<string, string>) => queryAudit(database.db, auditFilterSchema.parse(raw));

  it("writes who, what, when (UTC ms), from where and outcome; lower-cases e-mails; scrubs secrets", async () => {
    const { rows } = await query({});
    expect(rows).toHaveLength(5);
    const first = rows.at(-1)!;
    expect(first).toMatchObject({ action: "auth.signin", outcome: "success", actorEmail: "sam@ecc.test", ip: "198.51.100.4", userAgent: "Console/1.0" });
    expect(first.at.toISOString()).toBe("2026-11-22T08:00:00.001Z");
    expect(rows[0]?.detail).toEqual({ reason: "bad signature", secret: "[redacted]", token: "[redacted]" });
  });

  it("lists newest first and filters by user, action, outcome, time range and phone", async () => {
    expect((await query({})).rows.map((r) => r.action)).toEqual(["datashare.received", "admin.user_update", "lei.lookup", "lei.lookup", "auth.signin"]);
    expect((await query({ user: "SAM" })).rows).toHaveLength(2);
    // The user filter also finds rows about that user.
    expect((await query({ user: "tia@" })).rows.map((r) => r.action)).toEqual(["admin.user_update", "lei.lookup", "lei.lookup"]);
    expect((await query({ action: "lei.lookup" })).rows).toHaveLength(2);
    expect((await query({ action: "lei." })).rows).toHaveLength(2);
    expect((await query({ outcome: "failure" })).rows).toHaveLength(2);
    expect((await query({ from: "2026-11-22T08:05", to: "2026-11-22T09:00" })).rows.map((r) => r.action)).toEqual(["admin.user_update", "lei.lookup", "lei.lookup"]);
    expect((await query({ phone: "(412) 555-0199" })).rows).toHaveLength(1);
    expect((await query({ phone: "5550" })).rows).toHaveLength(2);
    // LIKE wildcards typed by the user are plain characters.
    expect((await query({ user: "%" })).rows).toHaveLength(0);
    expect(await countAudit(database.db, auditFilterSchema.parse({ action: "lei." }))).toBe(2);
  });

  it("pages with a cursor", async () => {
    const first = await queryAudit(database.db, {}, { limit: 2 });
    expect(first.rows).toHaveLength(2);
    const second = await queryAudit(database.db, {}, { limit: 2, before: first.nextBefore! });
    const third = await queryAudit(database.db, {}, { limit: 2, before: second.nextBefore! });
    expect([...first.rows, ...second.rows, ...third.rows].map((r) => r.id)).toEqual((await query({})).rows.map((r) => r.id));
    expect(third.nextBefore).toBeNull();
  });

  it("streams the filtered rows as CSV", async () => {
    const text = await new Response(auditCsvStream(database.db, auditFilterSchema.parse({ action: "lei." }), 1000)).text();
    const lines = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,at_utc,actor_email,actor_id,action,outcome,target,phone,ip,user_agent,detail");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("2026-11-22T08:10:00.000Z");
    expect(lines[2]).toContain('"{""records"":3}"');
  });

  it("cannot change or remove a row once written", async () => {
    await expect(database.db.execute(sql`update audit_log set outcome = 'success'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    expect((await query({})).rows).toHaveLength(5);
  });
});

describe.each(backends)("audit rows written together on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("gives each of many concurrent actions its own stored row", async () => {
    const db = database.db;
    const rows = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        recordAudit({ action: "lei.lookup", outcome: "success", phone: `1412555${String(i).padStart(4, "0")}`, detail: { n: i } }, db),
      ),
    );
    rows.forEach((row, i) => {
      expect(row.phone).toBe(`1412555${String(i).padStart(4, "0")}`);
      expect(row.detail).toEqual({ n: i });
    });
    expect(new Set(rows.map((r) => r.id)).size).toBe(120);
    expect(await countAudit(database.db, auditFilterSchema.parse({ action: "lei.lookup" }))).toBe(120);
  });

  it("fails only the action whose row the database refuses, among concurrent ones", async () => {
    const db = database.db;
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        // PostgreSQL refuses a NUL character in text.
        recordAudit({ action: "review.view", outcome: "success", target: i === 4 ? "bad\u0000target" : `call-${i}` }, db),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(results.map((_, i) => (i === 4 ? "rejected" : "fulfilled")));
    const { rows } = await queryAudit(db, auditFilterSchema.parse({ action: "review.view" }));
    expect(rows.map((r) => r.target).sort()).toEqual(["call-0", "call-1", "call-2", "call-3", "call-5", "call-6", "call-7", "call-8", "call-9"]);
  });
});
