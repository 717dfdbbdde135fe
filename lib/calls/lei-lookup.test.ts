/**
 * Lookups by hand when the cluster's tracker is not keeping up (a busy machine, or no tracker yet):
 * the real sandbox's LEI over HTTP, a real database, no tracker running at all.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { SANDBOX_DEFAULTS } from "@/lib/config/env";
import { Secret } from "@/lib/config/secret";
import type { Database } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { RapidsosClient } from "@/lib/rapidsos/client";
import type { LeiQuery } from "@/lib/rapidsos/query";
import { HealthRegistry } from "@/lib/upstream/health";
import { serveSandbox, type ServedSandbox } from "@/sandbox/testing";
import { backends } from "@/testing/databases";
import { auditedLeiLookup } from "./lei-lookup";

describe.each(backends)("lookups by hand on $name", (backend) => {
  let sandbox: ServedSandbox;
  let database: Database;
  let client: RapidsosClient;
  const user: SessionUser = { id: crypto.randomUUID(), email: "t@example.test", name: "T", role: "telecommunicator", sessionId: "s" };
  const meta = { requestId: "r", ip: "127.0.0.1", userAgent: "test" };

  beforeAll(async () => {
    sandbox = await serveSandbox({ seed: 911 });
    database = await backend.open();
    client = new RapidsosClient({
      baseUrl: sandbox.rapidsosBase,
      clientId: SANDBOX_DEFAULTS.rapidsosClientId,
      clientSecret: new Secret(SANDBOX_DEFAULTS.rapidsosClientSecret),
      timeoutMs: 5000,
      health: new HealthRegistry(),
    });
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    await sandbox?.close();
  });

  it("ask LEI once per freshness window however many come, even with no tracker polling, and audit each", async () => {
    const query: LeiQuery = { callerId: "14125550102" };
    const lookup = () =>
      auditedLeiLookup(database.db, user, query, meta, { freshWithinMs: 60_000, lookup: (q) => client.lookup(q) });
    await sandbox.resetCounts();
    const first = await lookup();
    expect(first.source).toBe("lei");
    expect(first.records).toHaveLength(1);
    // Waves of lookups, as a center's consoles send them while the tracker lags behind.
    for (let wave = 0; wave < 5; wave++) {
      const answers = await Promise.all(Array.from({ length: 10 }, lookup));
      for (const answer of answers) {
        expect(answer.source).toBe("tracker");
        expect(answer.records).toEqual(first.records);
      }
    }
    expect((await sandbox.counts()).rapidsos.location).toBe(1);
    const audited = await database.db.select().from(auditLog).where(eq(auditLog.action, "lei.lookup"));
    expect(audited).toHaveLength(51);
  });

  it("ask LEI again once the window has passed", async () => {
    const query: LeiQuery = { callerId: "14125550103" };
    const lookup = () => auditedLeiLookup(database.db, user, query, meta, { freshWithinMs: 300, lookup: (q) => client.lookup(q) });
    await sandbox.resetCounts();
    expect((await lookup()).source).toBe("lei");
    expect((await lookup()).source).toBe("tracker");
    await new Promise((r) => setTimeout(r, 400));
    expect((await lookup()).source).toBe("lei");
    expect((await sandbox.counts()).rapidsos.location).toBe(2);
  });
});
