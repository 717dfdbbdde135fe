/**
 * A number's current call is the same call everywhere: the one a lookup opens is the one the console
 * list shows and the tracker answers for, even when LEI answers again for an older call row of that
 * number (the same call start) while a newer row exists. When the two rules differed, a lookup selected
 * one call and the list showed the other, so the console dropped the selection at once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { calls, callWatches } from "@/lib/db/schema";
import { insertUser } from "@/lib/auth/testing";
import { backends } from "@/testing/databases";
import { consoleCalls } from "./summaries";
import { forgetFreshAnswers, trackedCallId } from "./tracked-locations";

describe.each(backends)("the current call of a number on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("is the active call LEI answered for last, not the newest row", async () => {
    const db = database.db;
    const phone = "14125550177";
    const user = await insertUser(db, "current@ecc.test");
    const t = Date.parse("2026-11-29T03:00:00Z");
    const [answered] = await db
      .insert(calls)
      .values({ phone, status: "active", firstSeenAt: new Date(t), lastPolledAt: new Date(t + 60_000), locationCount: 3 })
      .returning({ id: calls.id });
    await db
      .insert(calls)
      .values({ phone, status: "active", firstSeenAt: new Date(t + 30_000), lastPolledAt: new Date(t + 31_000), locationCount: 2 });
    await db.insert(calls).values({ phone, status: "ended", firstSeenAt: new Date(t + 50_000), lastPolledAt: new Date(t + 90_000), locationCount: 1 });
    await db.insert(callWatches).values({ userId: user.id, phone });

    const listed = (await consoleCalls(db, user.id, t + 61_000)).filter((c) => c.phone === phone);
    expect(listed.map((c) => c.id)).toEqual([answered?.id]);
    expect(await trackedCallId(db, phone, Infinity, new Date(t + 61_000))).toBe(answered?.id);
  });

  it("is not answered from the store once the upstream's world was replaced (a sandbox reset)", async () => {
    const db = database.db;
    const phone = "14125550178";
    const t = Date.parse("2026-11-29T04:00:00Z");
    const [held] = await db
      .insert(calls)
      .values({ phone, status: "active", firstSeenAt: new Date(t), lastPolledAt: new Date(t), locationCount: 2 })
      .returning({ id: calls.id });
    try {
      expect(await trackedCallId(db, phone, 6_000, new Date(t + 1_000))).toBe(held?.id);
      forgetFreshAnswers(t + 500);
      // Polled before the reset: a lookup must ask LEI, whose new scenario may have another call.
      expect(await trackedCallId(db, phone, 6_000, new Date(t + 1_000))).toBeNull();
      // An outage still falls back to the last known call, however old.
      expect(await trackedCallId(db, phone, Infinity, new Date(t + 1_000))).toBe(held?.id);
    } finally {
      forgetFreshAnswers(0);
    }
  });
});
