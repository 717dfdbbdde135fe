/**
 * What a stranger on the network can do to sign-in, over real HTTP against the production build with
 * an https APP_URL and no trusted proxy: not end anyone's session, not hide behind a forged
 * X-Forwarded-For, not send Auth.js a huge body; and the cookies are Secure.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attemptSignIn, signIn, startApp, type RunningApp } from "@/testing/app-server";

const DEMO = "sandbox-demo";

describe("sign-in against a stranger", () => {
  let app: RunningApp;
  let telecommunicator: string;
  let supervisor: string;

  beforeAll(async () => {
    app = await startApp({ APP_URL: "https://dispatch.example.test" });
    telecommunicator = await signIn(app.url, "telecommunicator@sandbox.local", DEMO);
    supervisor = await signIn(app.url, "supervisor@sandbox.local", DEMO);
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
  });

  const cookiesOf = (res: Response) => res.headers.getSetCookie();

  /** One password attempt as a browser makes it; the status tells a 429 from Auth.js's redirect. */
  async function attempt(email: string, password: string, headers: Record<string, string>) {
    const csrfRes = await fetch(`${app.url}/api/auth/csrf`, { headers });
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const res = await fetch(`${app.url}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { ...headers, cookie: cookiesOf(csrfRes).map((c) => c.split(";")[0]).join("; "), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${app.url}/` }),
    });
    await res.arrayBuffer();
    return { status: res.status, retryAfter: res.headers.get("retry-after") };
  }

  it("sets only Secure, prefixed cookies when APP_URL is https", async () => {
    expect(telecommunicator).toMatch(/^__Secure-authjs\.session-token=/);
    const csrf = await fetch(`${app.url}/api/auth/csrf`);
    const set = cookiesOf(csrf);
    expect(set.length).toBeGreaterThan(0);
    for (const c of set) expect(c).toMatch(/;\s*Secure/i);
    // The same session under the plain name (as if set over http) is not accepted.
    const plain = telecommunicator.replace("__Secure-", "");
    expect((await fetch(`${app.url}/api/session/activity`, { method: "POST", headers: { cookie: plain } })).status).toBe(401);
  });

  it("refuses an oversized sign-in body before Auth.js reads it", async () => {
    const res = await fetch(`${app.url}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `email=a&password=${"x".repeat(20_000)}`,
    });
    expect(res.status).toBe(413);
  });

  it("100 wrong passwords with forged X-Forwarded-For: one source, throttled with 429, and the console keeps working", async () => {
    const results = [];
    for (let i = 0; i < 100; i++) {
      results.push(await attempt("telecommunicator@sandbox.local", `guess ${i}`, { "x-forwarded-for": `6.6.${i}.6`, "x-real-ip": `7.7.${i}.7` }));
    }
    const throttled = results.filter((r) => r.status === 429);
    // Had the forged header been believed, every attempt would have been a fresh source.
    expect(throttled.length).toBeGreaterThan(80);
    expect(Number(throttled[0]!.retryAfter)).toBeGreaterThanOrEqual(1);
    // The telecommunicator signed in before the attack is still on their console.
    const activity = await fetch(`${app.url}/api/session/activity`, { method: "POST", headers: { cookie: telecommunicator } });
    expect(activity.status).toBe(200);
    expect((await fetch(`${app.url}/api/calls`, { headers: { cookie: telecommunicator } })).status).toBe(200);
    // The audit trail names the real address, never the forged ones, and has a row per attempt looked at only.
    const res = await fetch(`${app.url}/api/audit?action=auth.signin&outcome=failure`, { headers: { cookie: supervisor } });
    const { rows } = (await res.json()) as { rows: { ip: string | null; detail: Record<string, unknown> }[] };
    expect(rows.length).toBe(100 - throttled.length);
    for (const row of rows) expect(row.ip).toBe("127.0.0.1");
  });
});
