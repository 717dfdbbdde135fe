/**
 * The idle timeout over real HTTP. The app runs on a PostgreSQL database this test can also reach,
 * so the session's last activity can be moved 31 minutes into the past instead of waiting for it.
 * Needs TEST_DATABASE_URL (the lib tests cover the same rules with an injected clock everywhere).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startApp, type RunningApp } from "@/testing/app-server";

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)("idle timeout over HTTP", () => {
  let app: RunningApp;
  let db: pg.Client;
  const name = `dm_idle_${randomBytes(5).toString("hex")}`;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    app = await startApp({ DATABASE_URL: url.toString() });
    db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
  }, 180_000);
  afterAll(async () => {
    await db?.end();
    await app?.stop();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  const lastActive = async (email: string) => {
    const { rows } = await db.query<{ last_active_at: Date }>(
      "select s.last_active_at from sessions s join users u on u.id = s.user_id where u.email = $1 and s.ended_at is null order by s.created_at desc limit 1",
      [email],
    );
    return rows[0]?.last_active_at.getTime();
  };

  it("polling does not count as activity; the activity beacon does", async () => {
    const cookie = await signIn(app.url, "telecommunicator@sandbox.local", "sandbox-demo");
    await db.query("update sessions set last_active_at = now() - interval '10 minutes' where ended_at is null");
    const before = await lastActive("telecommunicator@sandbox.local");
    expect((await fetch(`${app.url}/api/calls`, { headers: { cookie } })).status).toBe(200);
    expect(await lastActive("telecommunicator@sandbox.local")).toBe(before);
    expect((await fetch(`${app.url}/api/session/activity`, { method: "POST", headers: { cookie } })).status).toBe(200);
    expect(await lastActive("telecommunicator@sandbox.local")).toBeGreaterThan(before! + 9 * 60_000);
  });

  it("ends a session idle for 30 minutes: 401, an audit row, and the sign-in page says why", async () => {
    const cookie = await signIn(app.url, "supervisor@sandbox.local", "sandbox-demo");
    expect((await fetch(`${app.url}/api/calls`, { headers: { cookie } })).status).toBe(200);
    await db.query(
      "update sessions set last_active_at = now() - interval '31 minutes' where ended_at is null and user_id = (select id from users where email = $1)",
      ["supervisor@sandbox.local"],
    );
    // An instance remembers an active check for at most a few seconds (lib/auth/session-cache.ts).
    await expect
      .poll(async () => (await fetch(`${app.url}/api/calls`, { headers: { cookie } })).status, { timeout: 5_000, interval: 250 })
      .toBe(401);
    const { rows } = await db.query("select actor_email, outcome, detail from audit_log where action = 'auth.session_timeout'");
    expect(rows).toEqual([{ actor_email: "supervisor@sandbox.local", outcome: "success", detail: expect.objectContaining({ idleMinutes: 30 }) }]);
    const page = await (await fetch(`${app.url}/signin?reason=ended`, { headers: { cookie } })).text();
    expect(page).toContain("Your session ended after 30 minutes without activity.");
  });
});
