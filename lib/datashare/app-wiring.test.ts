import { describe, expect, it } from "vitest";
import type { LiveEvent } from "@/lib/live/bus";
import { announceShare } from "./app-wiring";

/** A bus that records what was published and can refuse, as a dropped database connection would. */
function bus(delivers: boolean) {
  const sent: LiveEvent[] = [];
  return {
    sent,
    publish: async (e: LiveEvent) => {
      sent.push(e);
      return delivers;
    },
  };
}

const created = { status: "accepted", deliveryId: "d1", callId: "c1", phone: "14125550101", share: "created" } as const;

describe("announcing a share", () => {
  it("leaves the wake to the `shared` nudge (the tracker follows the bus), then nudges the lists", async () => {
    const b = bus(true);
    let wakes = 0;
    await announceShare(b, () => void wakes++, created);
    expect(b.sent).toEqual([
      { type: "shared", id: "c1", phone: "14125550101" },
      { type: "calls", reason: "shared" },
    ]);
    expect(wakes).toBe(0);
  });

  it("wakes the tracker itself when the nudge could not be sent", async () => {
    let wakes = 0;
    await announceShare(bus(false), () => void wakes++, created);
    expect(wakes).toBe(1);
  });

  it("wakes the tracker itself for a delivery attached to a call already shared (`call` is not followed)", async () => {
    const b = bus(true);
    let wakes = 0;
    await announceShare(b, () => void wakes++, { ...created, share: "attached" });
    expect(b.sent[0]).toEqual({ type: "call", id: "c1" });
    expect(wakes).toBe(1);
  });
});
