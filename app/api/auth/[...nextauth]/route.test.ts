/**
 * Sign-in, lockout, sign-out and what the audit trail keeps, over real HTTP against the production
 * build: the same path a browser takes (csrf token → credentials callback → session cookie).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_FAILED } from "@/lib/auth/messages";
import { attemptSignIn, signIn, startApp, type RunningApp } from "@/testing/app-server";

const DEMO = "sandbox-demo";
const UA = "Mozilla/5.0 (AuthFlowTest)";

describe("sign-in over HTTP", () => {
  let app: RunningApp;
  let supervisor: string;
  let admin: string;

  beforeAll(async () => {
    // The test is the trusted proxy, so each test can be its own client address (X-Forwarded-For).
    app = await startApp({ LOCKOUT_MAX_FAILURES: "3", TRUSTED_PROXIES: "127.0.0.1" });
    supervisor = await signIn(app.url, "supervisor@sandbox.local", DEMO);
    admin = await signIn(app.url, "admin@sandbox.local", DEMO);
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
  });

  const api = (p: string, cookie: string, init: RequestInit = {}) =>
    fetch(`${app.url}${p}`, { ...init, redirect: "manual", headers: { cookie, "content-type": "application/json", ...(init.headers ?? {}) } });
  const audit = async (query: string) => {
    const res = await api(`/api/audit?${query}`, supervisor);
    expect(res.status).toBe(200);
    return ((await res.json()) as { rows: { action: string; outcome: string; actorEmail: string | null; target: string | null; ip: string | null; userAgent: string | null; detail: Record<string, unknown> }[] }).rows;
  };

  it("signs in, audits it with the caller's address and user agent, and the cookie opens the API", async () => {
    const attempt = await attemptSignIn(app.url, "telecommunicator@sandbox.local", DEMO, { "user-agent": UA });
    expect(attempt.ok).toBe(true);
    const res = await api("/api/session/activity", attempt.cookie!, { method: "POST" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ idleMinutes: 30, idleEndsAt: expect.any(String), endsAt: expect.any(String) });
    const [row] = await audit("action=auth.signin&user=telecommunicator@sandbox.local&outcome=success");
    expect(row).toMatchObject({ actorEmail: "telecommunicator@sandbox.local", userAgent: UA, ip: expect.stringMatching(/127\.0\.0\.1/), detail: { method: "password" } });
  });

  it("keeps only a session id in the cookie: the session endpoint reveals no user data", async () => {
    const res = await fetch(`${app.url}/api/auth/session`, { headers: { cookie: supervisor } });
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(["expires"]);
  });

  it("fails the same way for an unknown account and a wrong password, recording the real reason", async () => {
    const unknown = await attemptSignIn(app.url, "nobody@sandbox.local", "whatever-password");
    const wrong = await attemptSignIn(app.url, "supervisor@sandbox.local", "not-the-password");
    expect(unknown.ok).toBe(false);
    expect(wrong.ok).toBe(false);
    expect(new URL(unknown.location!).pathname).toBe("/signin");
    expect(new URL(unknown.location!).search).toBe(new URL(wrong.location!).search);
    const rows = await audit("action=auth.signin&outcome=failure");
    expect(rows.map((r) => [r.actorEmail, r.detail.reason])).toEqual(
      expect.arrayContaining([
        ["nobody@sandbox.local", "unknown_account"],
        ["supervisor@sandbox.local", "bad_password"],
      ]),
    );
    const alert = async (location: string) => /<p id="signin-error"[^>]*>([^<]*)<\/p>/.exec(await (await fetch(location)).text())?.[1];
    expect(await alert(unknown.location!)).toBe(SIGN_IN_FAILED.replace(/'/g, "&#x27;"));
    expect(await alert(wrong.location!)).toBe(await alert(unknown.location!));
    expect(SIGN_IN_FAILED).not.toMatch(/locked|disabled|does not exist|no account|unknown/i);
  });

  it("locks after the configured number of failures, keeps open sessions, and an admin can unlock early", async () => {
    const email = "locked.user@ecc.test";
    const created = await api("/api/admin/users", admin, { method: "POST", body: JSON.stringify({ email, name: "Lee Locked", role: "telecommunicator", password: "the right password" }) });
    expect(created.status).toBe(201);
    const { user } = (await created.json()) as { user: { id: string } };
    const session = await signIn(app.url, email, "the right password");
    const stranger = { "x-forwarded-for": "198.51.100.20" };
    for (let i = 0; i < 3; i++) expect((await attemptSignIn(app.url, email, `wrong ${i}`, stranger)).ok).toBe(false);
    expect((await attemptSignIn(app.url, email, "the right password", stranger)).ok).toBe(false);
    // The lock refuses new sign-ins only: the telecommunicator on a call keeps their console.
    expect((await api("/api/session/activity", session, { method: "POST" })).status).toBe(200);
    const listed = (await (await api("/api/admin/users", admin)).json()) as { users: { email: string; locked: boolean; lockReleasesAt: string | null }[] };
    expect(listed.users.find((u) => u.email === email)).toMatchObject({ locked: true, lockReleasesAt: expect.any(String) });
    expect(await audit(`action=auth.lockout&user=${email}`)).toHaveLength(1);
    // The source is on the admins' list, with its count.
    const sources = (await (await api("/api/admin/signin-throttle", admin)).json()) as { sources: { source: string; failures: number }[] };
    expect(sources.sources).toContainEqual(expect.objectContaining({ source: "198.51.100.20", failures: 4 }));

    expect((await api(`/api/admin/users/${user.id}/unlock`, admin, { method: "POST" })).status).toBe(200);
    expect((await attemptSignIn(app.url, email, "the right password", { "x-forwarded-for": "198.51.100.21" })).ok).toBe(true);
    const [unlock] = await audit(`action=auth.unlock&user=${email}`);
    expect(unlock).toMatchObject({ actorEmail: "admin@sandbox.local", target: email });
  });

  it("signs out: the session ends for good and the sign-out is audited", async () => {
    const cookie = await signIn(app.url, "telecommunicator@sandbox.local", DEMO);
    expect((await api("/api/session/activity", cookie, { method: "POST" })).status).toBe(200);
    const csrfRes = await fetch(`${app.url}/api/auth/csrf`, { headers: { cookie } });
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const out = await fetch(`${app.url}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: `${cookie}; ${csrfCookie}`, "content-type": "application/x-www-form-urlencoded", "user-agent": UA },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${app.url}/signin` }),
    });
    expect(out.status).toBe(302);
    // The old cookie is worthless even if someone kept a copy.
    expect((await api("/api/session/activity", cookie, { method: "POST" })).status).toBe(401);
    const rows = await audit("action=auth.signout");
    expect(rows[0]).toMatchObject({ actorEmail: "telecommunicator@sandbox.local", userAgent: UA });
  });

  it("keeps the generated auth secret in the data folder, owner-only, and out of the audit trail", async () => {
    const file = path.join(app.dataDir, "auth-secret");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const secret = fs.readFileSync(file, "utf8").trim();
    const csv = await (await api("/api/audit/export", supervisor)).text();
    expect(csv).toContain("auth.signin");
    for (const forbidden of [secret, DEMO, "the right password", "not-the-password", "scrypt$", supervisor.split("=")[1]!, "eyJ"]) {
      expect(csv).not.toContain(forbidden);
    }
  });
});
