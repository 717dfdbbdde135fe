/**
 * A center's consoles poll their call lists every few seconds: the part every list shares (the
 * shared calls, the current call of every open number) is read once per calls version, and each
 * console's own numbers are added to it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser } from "@/lib/auth/testing";
import type { Database } from "@/lib/db/client";
import { calls, callWatches } from "@/lib/db/schema";
import { backends } from "@/testing/databases";
import { consoleCalls } from "./summaries";

describe.each(backends)("every console's list from one read of the center on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("gives each user their own numbers and the shared calls, from one read per version", async () => {
    const db = database.db;
    const now = Date.parse("2026-11-29T07:30:00Z");
    const ana = await insertUser(db, "ana@ecc.test");
    const ben = await insertUser(db, "ben@ecc.test");
    await db.insert(calls).values([
      { phone: "14125550301", status: "active", firstSeenAt: new Date(now - 60_000) },
      { phone: "14125550302", status: "active", firstSeenAt: new Date(now - 50_000) },
      { phone: "14125550303", status: "active", shared: true, firstSeenAt: new Date(now - 40_000) },
    ]);
    await db.insert(callWatches).values([
      { userId: ana.id, phone: "14125550301" },
      { userId: ben.id, phone: "14125550302" },
    ]);
    const list = async (userId: string, version: string) =>
      (await consoleCalls(db, userId, now, version)).map((c) => `${c.phone}${c.openedByMe ? " (mine)" : ""}`).sort();

    expect(await list(ana.id, "v1")).toEqual(["14125550301 (mine)", "14125550303"]);
    expect(await list(ben.id, "v1")).toEqual(["14125550302 (mine)", "14125550303"]);

    // A shared call that arrives without its announcement having been heard yet: the center was
    // read for v1, so v1's lists do not have it (one read served them all), v2's do.
    await db.insert(calls).values({ phone: "14125550304", status: "active", shared: true, firstSeenAt: new Date(now - 30_000) });
    expect(await list(ana.id, "v1")).not.toContain("14125550304");
    expect(await list(ana.id, "v2")).toContain("14125550304");

    // A number a user opens is in their list at once, even under a version read before the open.
    await db.insert(calls).values({ phone: "14125550305", status: "active", firstSeenAt: new Date(now - 20_000) });
    await db.insert(callWatches).values({ userId: ben.id, phone: "14125550305" });
    expect(await list(ben.id, "v2")).toEqual(["14125550302 (mine)", "14125550303", "14125550304", "14125550305 (mine)"]);
    expect(await list(ana.id, "v2")).not.toContain("14125550305");

    // Without a version (a test, a one-off read) the list is read whole, as it stands.
    expect((await consoleCalls(db, ana.id, now)).map((c) => c.phone)).toContain("14125550304");
  });
});
