import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { calls } from "@/lib/db/schema";
import { LiveBus, type LiveEvent } from "@/lib/live/bus";
import { callerOf } from "@/lib/rapidsos/query";
import { backends } from "@/testing/databases";
import { UpstreamError } from "@/lib/upstream/errors";
import { CallTracker } from "./tracker";

describe("the call tracker", () => {
  let database: Database;
  let bus: LiveBus;
  beforeAll(async () => {
    database = await backends[0]!.open();
    bus = new LiveBus(async () => database);
    await bus.start();
  });
  afterAll(async () => {
    await database?.close();
  });

  /** A tracker whose LEI has nothing for anyone yet (a miss, not an error), noting who it asked about. */
  function trackerOverEmptyLei() {
    const asked: string[] = [];
    const tracker = new CallTracker({
      database: async () => database,
      lookup: async (input) => {
        asked.push(callerOf(input));
        throw new UpstreamError("rapidsos", "not_found");
      },
      bus,
      intervalMs: 60_000,
    });
    return { tracker, asked };
  }

  it("asks LEI about a shared caller at once when any instance announces the share", async () => {
    const { tracker } = trackerOverEmptyLei();
    const polled: string[] = [];
    tracker.pollNow = async (phone) => {
      polled.push(phone);
    };
    const stop = tracker.follow(bus);
    await bus.publish({ type: "calls" });
    await bus.publish({ type: "shared", id: crypto.randomUUID(), phone: "14125550101" });
    await expect.poll(() => polled).toEqual(["14125550101"]);
    stop();
  });

  it("polls every live shared call; a first miss changes nothing on screen", async () => {
    const [shared] = await database.db.insert(calls).values({ phone: "14125550177", shared: true }).returning();
    const events: LiveEvent[] = [];
    const unsubscribe = bus.subscribe((e) => events.push(e));
    const { tracker, asked } = trackerOverEmptyLei();
    await tracker.wake();
    expect(asked).toEqual(["14125550177"]);
    const [row] = await database.db.select().from(calls);
    expect(row).toMatchObject({ id: shared!.id, missedPolls: 1, status: "active" });
    expect(events).toEqual([]);
    unsubscribe();
  });

  it("polls just the one caller when asked to poll now", async () => {
    await database.db.insert(calls).values({ phone: "14125550178", shared: true });
    const { tracker, asked } = trackerOverEmptyLei();
    await tracker.pollNow("14125550178");
    expect(asked).toEqual(["14125550178"]);
  });
});
