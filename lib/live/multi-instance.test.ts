/**
 * Two app instances (production build) on one PostgreSQL, both pointed at one sandbox served by the
 * test: Axon is polled by one of them only; the other serves the same devices, read from the
 * database; when the polling instance dies, the other takes over within 15 s; a sign-out on one
 * instance is refused on the other within 5 s. Needs TEST_DATABASE_URL; skipped without it.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSandbox, type ServedSandbox } from "@/sandbox/testing";
import { signIn, startApp, type RunningApp } from "@/testing/app-server";
import { createThrowawayDatabase, waitFor, type ThrowawayDatabase } from "@/testing/cluster";

// Test tooling only (testing/databases.ts reads the same variable).
const serverUrl = process.env.TEST_DATABASE_URL;
const DEMO = { email: "telecommunicator@sandbox.local", password: "sandbox-demo" };
const POLL_MS = 1_000;

interface Snapshot {
  version: number;
  devices: { id: string; status: string }[];
  upstream: { ok: boolean };
}


describe.skipIf(!serverUrl)("the live path across two instances on one PostgreSQL", () => {
  let database: ThrowawayDatabase;
  let a: RunningApp;
  let b: RunningApp;
  let sandbox: ServedSandbox;

  beforeAll(async () => {
    sandbox = await serveSandbox();
    database = await createThrowawayDatabase(serverUrl!, "dm_test_live");
    const cluster = {
      DATABASE_URL: database.url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      SANDBOX: "on",
      AXON_BASE_URL: sandbox.axonBase,
      AXON_POLL_INTERVAL_MS: String(POLL_MS),
    };
    // One after the other: the first migrates, creates the demo accounts and leads the polling.
    a = await startApp(cluster);
    b = await startApp(cluster);
  }, 180_000);

  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop(), sandbox?.close()]);
    await database?.drop();
  });

  const devices = async (app: RunningApp, cookie: string) => {
    const res = await fetch(`${app.url}/api/devices`, { headers: { cookie } });
    expect(res.status).toBe(200);
    return (await res.json()) as Snapshot;
  };

  it("polls Axon from one instance; the other serves the same state from the database", async () => {
    const cookieA = await signIn(a.url, DEMO.email, DEMO.password);
    const cookieB = await signIn(b.url, DEMO.email, DEMO.password);
    await devices(a, cookieA);
    await devices(b, cookieB);
    await sandbox.resetCounts();
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 5 * POLL_MS));
    const searches = (await sandbox.counts()).axon.search;
    // One poller: about one search a second (a second instance polling too would double it).
    expect(searches).toBeGreaterThanOrEqual(3);
    expect(searches).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / POLL_MS) + 1);
    // Both instances show the same version of the same devices.
    const [sa, sb] = await waitFor(
      "both instances on one version",
      async () => {
        const pair = [await devices(a, cookieA), await devices(b, cookieB)] as const;
        return pair[0].version === pair[1].version ? pair : undefined;
      },
      10_000,
    );
    const byId = (s: Snapshot) => [...s.devices].sort((x, y) => x.id.localeCompare(y.id));
    expect(sa.devices.length).toBeGreaterThan(0);
    expect(byId(sb)).toEqual(byId(sa));
  });

  it("refuses a session signed out on the other instance within 5 s", async () => {
    const cookie = await signIn(a.url, DEMO.email, DEMO.password);
    expect((await fetch(`${b.url}/api/devices`, { headers: { cookie } })).status).toBe(200);
    const csrfRes = await fetch(`${a.url}/api/auth/csrf`, { headers: { cookie } });
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const out = await fetch(`${a.url}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: `${cookie}; ${csrfCookie}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${a.url}/signin` }),
    });
    expect(out.status).toBe(302);
    const signedOutAt = Date.now();
    await waitFor(
      "B to refuse the signed-out session",
      async () => ((await fetch(`${b.url}/api/devices`, { headers: { cookie } })).status === 401 ? true : undefined),
      5_000,
    );
    expect(Date.now() - signedOutAt).toBeLessThan(5_000);
  });

  it("moves polling to the survivor within 15 s when the polling instance dies", async () => {
    const cookieB = await signIn(b.url, DEMO.email, DEMO.password);
    const held = await devices(b, cookieB);
    await a.stop();
    const stoppedAt = Date.now();
    await sandbox.resetCounts();
    // The survivor keeps answering meanwhile (at most stale), then its own polls move the version on.
    const moved = await waitFor(
      "B to poll Axon itself",
      async () => {
        const now = await devices(b, cookieB);
        expect(now.devices.length).toBe(held.devices.length);
        return (await sandbox.counts()).axon.search > 0 && now.version > held.version ? now : undefined;
      },
      15_000,
    );
    expect(moved.upstream.ok).toBe(true);
    expect(Date.now() - stoppedAt).toBeLessThan(15_000);
  });
});
