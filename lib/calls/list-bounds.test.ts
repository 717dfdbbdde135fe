/** Every list the console and review answer with has a bound, whatever is stored. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { calls } from "@/lib/db/schema";
import { callTrail } from "@/lib/history/caller-locations";
import { insertUser } from "@/lib/auth/testing";
import { storeCall } from "@/lib/review/testing";
import { backends } from "@/testing/databases";
import { consoleCalls, MAX_CONSOLE_CALLS } from "./summaries";

describe.each(backends)("list bounds on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("lists at most MAX_CONSOLE_CALLS calls in a console, the newest", async () => {
    const db = database.db;
    const user = await insertUser(db, "busy@ecc.test");
    const base = Date.parse("2026-11-23T10:00:00Z");
    await db.insert(calls).values(
      Array.from({ length: MAX_CONSOLE_CALLS + 50 }, (_, i) => ({
        phone: `1412555${String(i).padStart(4, "0")}`,
        shared: true,
        status: "active" as const,
        firstSeenAt: new Date(base + i * 1000),
      })),
    );
    const list = await consoleCalls(db, user.id, base + 3_600_000);
    expect(list).toHaveLength(MAX_CONSOLE_CALLS);
    expect(list.map((c) => c.phone)).toContain(`1412555${String(MAX_CONSOLE_CALLS + 49).padStart(4, "0")}`);
    expect(list.map((c) => c.phone)).not.toContain("14125550000");
  });

  it("answers a call's trail with its latest points, oldest first, up to the bound", async () => {
    const db = database.db;
    const callId = await storeCall(db, "14125559999", 30);
    const trail = await callTrail(db, callId, 10);
    expect(trail).toHaveLength(10);
    const all = await callTrail(db, callId);
    expect(all).toHaveLength(30);
    expect(trail).toEqual(all.slice(20));
  });
});
