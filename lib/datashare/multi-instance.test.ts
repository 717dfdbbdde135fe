/**
 * Two app instances (production build) on one PostgreSQL: a share delivered to instance A reaches a
 * console on instance B through the SSE stream (PostgreSQL LISTEN/NOTIFY between them), and only one
 * instance polls LEI for the shared call. Both use A's sandbox, so A's request counters see every
 * LEI request either makes. Needs TEST_DATABASE_URL (a PostgreSQL server); skipped without it.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_DEFAULTS } from "@/lib/config/env";
import { signIn, startApp, type RunningApp } from "@/testing/app-server";
import { createThrowawayDatabase, waitFor, type ThrowawayDatabase } from "@/testing/cluster";
import { SIGNATURE_HEADER, signBody } from "./signature";

// Test tooling only (testing/databases.ts reads the same variable).
const serverUrl = process.env.TEST_DATABASE_URL;
const DEMO = { email: "telecommunicator@sandbox.local", password: "sandbox-demo" };
const POLL_MS = 1000;

interface SseEvent {
  event: string;
  data: unknown;
}

/** Read a server-sent-events stream in the background, collecting the events. */
function collectEvents(res: Response): { events: SseEvent[]; stop: () => void } {
  const events: SseEvent[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) as unknown });
      }
    }
  })();
  return { events, stop: () => void reader.cancel().catch(() => undefined) };
}


describe.skipIf(!serverUrl)("Data Share across two app instances on one PostgreSQL", () => {
  let database: ThrowawayDatabase;
  let a: RunningApp;
  let b: RunningApp;

  beforeAll(async () => {
    database = await createThrowawayDatabase(serverUrl!, "dm_test_ds");
    const cluster = {
      DATABASE_URL: database.url,
      // A cluster shares these: sessions signed on one instance, tokens sealed on another.
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      SANDBOX: "on",
      DATASHARE_POLL_INTERVAL_MS: String(POLL_MS),
    };
    // One after the other: the first migrates and creates the demo accounts.
    a = await startApp(cluster);
    b = await startApp({ ...cluster, RAPIDSOS_BASE_URL: `${a.url}/sandbox/rapidsos` });
  }, 180_000);

  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  const counts = async () =>
    ((await (await fetch(`${a.url}/sandbox/control/requests`)).json()) as { rapidsos: { token: number; location: number } })
      .rapidsos;

  it("a share delivered to A shows up on B's event stream, and only one instance polls LEI", async () => {
    const cookie = await signIn(b.url, DEMO.email, DEMO.password);
    const stream = await fetch(`${b.url}/api/events`, { headers: { cookie } });
    expect(stream.status).toBe(200);
    const sse = collectEvents(stream);
    try {
      // Let both trackers settle on a leader, then count from zero.
      await new Promise((r) => setTimeout(r, 2 * POLL_MS));
      await fetch(`${a.url}/sandbox/control/requests`, { method: "DELETE" });

      // A token RapidSOS will refuse: whichever instance polls must fetch its own token, once.
      const body = JSON.stringify({
        query: "tel://14125550101",
        access_token: `refused-${randomBytes(4).toString("hex")}`,
        bounding_box: [-80.361, 40.194, -79.688, 40.674],
      });
      const res = await fetch(`${a.url}/api/datashare`, {
        method: "POST",
        headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signBody(SANDBOX_DEFAULTS.datashareSecret, body) },
        body,
      });
      expect(res.status).toBe(200);

      const shared = await waitFor("a shared event on B", () => sse.events.find((e) => e.event === "shared"), 5_000);
      expect(shared.data).toMatchObject({ phone: "14125550101", id: expect.any(String) });

      // B's console lists the call with the locations A's (or B's) tracker stored.
      const callId = (shared.data as { id: string }).id;
      await waitFor("LEI records for the shared call", async () => {
        const list = (await (await fetch(`${b.url}/api/calls`, { headers: { cookie } })).json()) as {
          calls: { id: string; locationCount: number }[];
        };
        const call = list.calls.find((c) => c.id === callId);
        return call && call.locationCount > 0 ? call : undefined;
      });
      // A few more polling rounds on both instances.
      await new Promise((r) => setTimeout(r, 3 * POLL_MS));
      const seen = await counts();
      expect(seen.location).toBeGreaterThan(2);
      expect(seen.token).toBe(1);
      expect(sse.events.some((e) => e.event === "call" && (e.data as { id: string }).id === callId)).toBe(true);
    } finally {
      sse.stop();
    }
  }, 90_000);
});
