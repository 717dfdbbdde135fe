/**
 * The alerts store under concurrent writers, on a real database: a console's answer and the runner's
 * snapshots of the same alert race, and the answer must never be lost.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { backends } from "@/testing/databases";
import captured from "./fixtures/edx-webhook-alert.new.captured-sandbox.json";
import { reshapeAlert } from "./reshape";
import { applyLocation, applyOurChange, getAlert, upsertAlert } from "./store";
import type { Alert } from "./types";
import { envelopeSchema } from "./wire";

function snapshot(id: string): Alert {
  const r = reshapeAlert(envelopeSchema.parse(captured).body);
  if (!r.ok) throw new Error(r.reason);
  return { ...r.value, id };
}

describe.each(backends)("the alerts store on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("never loses a console's accept to a snapshot read just before it, however the writes interleave", async () => {
    for (let round = 0; round < 20; round++) {
      const stale = snapshot(`alert-race-${round}`);
      await upsertAlert(database.db, stale);
      const accepted = { name: "ACCEPTED", displayName: "Accepted" };
      const at = (stale.lastUpdatedTime ?? stale.createdTime) + 5_000;
      // The runner re-applies the snapshot it fetched before the accept, while the console answers,
      // and a location update lands at the same time.
      await Promise.all([
        upsertAlert(database.db, stale),
        applyOurChange(database.db, stale.id, { status: accepted }, at),
        upsertAlert(database.db, stale),
        applyLocation(database.db, stale.id, { ...stale.location, at: at + 1 }),
        upsertAlert(database.db, stale),
      ]);
      const now = await getAlert(database.db, stale.id);
      expect(now?.status.name, `round ${round}`).toBe("ACCEPTED");
      expect(now?.lastUpdatedTime).toBe(at);
    }
  });
});
