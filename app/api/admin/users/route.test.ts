/** The admin API and the audit API over real HTTP: every change lands in the trail, with who and from where. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attemptSignIn, signIn, startApp, type RunningApp } from "@/testing/app-server";

const DEMO = "sandbox-demo";

interface Row {
  id: number;
  at: string;
  action: string;
  outcome: string;
  actorEmail: string | null;
  target: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

describe("admin and audit API", () => {
  let app: RunningApp;
  let admin: string;
  let supervisor: string;

  beforeAll(async () => {
    app = await startApp();
    admin = await signIn(app.url, "admin@sandbox.local", DEMO);
    supervisor = await signIn(app.url, "supervisor@sandbox.local", DEMO);
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
  });

  const api = (p: string, cookie: string, method = "GET", body?: unknown) =>
    fetch(`${app.url}${p}`, {
      method,
      headers: { cookie, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const audit = async (query: string): Promise<Row[]> => ((await (await api(`/api/audit?${query}`, supervisor)).json()) as { rows: Row[] }).rows;

  it("creates accounts and explains bad input", async () => {
    const ok = await api("/api/admin/users", admin, "POST", { email: "Dana@ECC.test", name: "Dana Dispatcher", role: "telecommunicator", password: "dana's first password" });
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as { user: { email: string } }).user.email).toBe("dana@ecc.test");
    expect((await api("/api/admin/users", admin, "POST", { email: "dana@ecc.test", name: "Again", role: "supervisor", password: "another password" })).status).toBe(409);
    const bad = await api("/api/admin/users", admin, "POST", { email: "not-an-email", name: "", role: "chief", password: "short" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toMatch(/email.*name.*role.*password/s);
    expect((await fetch(`${app.url}/api/admin/users`, { method: "POST", headers: { cookie: admin }, body: "{not json" })).status).toBe(400);
    const [row] = await audit("action=admin.user_create&user=dana@");
    expect(row).toMatchObject({ actorEmail: "admin@sandbox.local", target: "dana@ecc.test", outcome: "success", ip: expect.any(String) });
    expect(JSON.stringify(row)).not.toContain("first password");
  });

  it("changes roles, disables and enables, resets passwords", async () => {
    const { users } = (await (await api("/api/admin/users", admin)).json()) as { users: { id: string; email: string }[] };
    const dana = users.find((u) => u.email === "dana@ecc.test")!;
    const danaSession = await signIn(app.url, "dana@ecc.test", "dana's first password");

    const promoted = await api(`/api/admin/users/${dana.id}`, admin, "PATCH", { role: "supervisor" });
    expect(((await promoted.json()) as { user: { role: string } }).user.role).toBe("supervisor");
    // The new role applies on the very next request of the running session.
    expect((await api("/api/audit", danaSession)).status).toBe(200);

    await api(`/api/admin/users/${dana.id}`, admin, "PATCH", { disabled: true });
    expect((await api("/api/session/activity", danaSession, "POST")).status).toBe(401);
    expect((await attemptSignIn(app.url, "dana@ecc.test", "dana's first password")).ok).toBe(false);
    await api(`/api/admin/users/${dana.id}`, admin, "PATCH", { disabled: false });

    expect((await api(`/api/admin/users/${dana.id}/password`, admin, "POST", { password: "dana's new password" })).status).toBe(200);
    expect((await attemptSignIn(app.url, "dana@ecc.test", "dana's first password")).ok).toBe(false);
    expect((await attemptSignIn(app.url, "dana@ecc.test", "dana's new password")).ok).toBe(true);

    const changes = await audit("action=admin.&user=dana@");
    expect(changes.map((r) => r.action)).toEqual(["admin.password_reset", "admin.user_update", "admin.user_update", "admin.user_update", "admin.user_create"]);
    expect(changes[3]?.detail).toMatchObject({ changes: { role: { from: "telecommunicator", to: "supervisor" } } });
  });

  it("answers 404 for unknown or malformed ids and 400 for an empty change", async () => {
    expect((await api("/api/admin/users/00000000-0000-4000-8000-000000000000", admin, "PATCH", { name: "x" })).status).toBe(404);
    expect((await api("/api/admin/users/not-a-uuid", admin, "PATCH", { name: "x" })).status).toBe(404);
    expect((await api("/api/admin/users/not-a-uuid/unlock", admin, "POST")).status).toBe(404);
    const { users } = (await (await api("/api/admin/users", admin)).json()) as { users: { id: string; email: string }[] };
    const me = users.find((u) => u.email === "admin@sandbox.local")!;
    expect((await api(`/api/admin/users/${me.id}`, admin, "PATCH", {})).status).toBe(400);
    expect((await api(`/api/admin/users/${me.id}`, admin, "PATCH", { email: "x@y.z" })).status).toBe(400);
  });

  it("will not let the only admin demote or disable themselves", async () => {
    const { users } = (await (await api("/api/admin/users", admin)).json()) as { users: { id: string; email: string }[] };
    const me = users.find((u) => u.email === "admin@sandbox.local")!;
    const demote = await api(`/api/admin/users/${me.id}`, admin, "PATCH", { role: "supervisor" });
    expect(demote.status).toBe(409);
    expect(((await demote.json()) as { detail: string }).detail).toMatch(/no active admin/);
    expect((await api(`/api/admin/users/${me.id}`, admin, "PATCH", { disabled: true })).status).toBe(409);
    expect((await api("/api/admin/users", admin)).status).toBe(200);
  });

  it("filters the trail, audits each view, and exports the same filters as CSV (audited too)", async () => {
    const rows = await audit("action=auth.signin&outcome=success&user=admin@sandbox.local");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.action === "auth.signin" && r.actorEmail === "admin@sandbox.local")).toBe(true);
    expect(rows[0]?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect((await api("/api/audit?from=yesterday", supervisor)).status).toBe(400);

    const res = await api("/api/audit/export?action=admin.&user=dana@", supervisor);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-.*\.csv"$/);
    const lines = (await res.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^id,at_utc,actor_email/);
    expect(lines.slice(1).every((l) => l.includes(",admin.") && l.includes("dana@ecc.test"))).toBe(true);
    expect(lines).toHaveLength(6);

    const [exported] = await audit("action=audit.export");
    expect(exported).toMatchObject({ actorEmail: "supervisor@sandbox.local", detail: { rows: 5, filters: { action: "admin.", user: "dana@" } } });
    expect((await audit("action=audit.view&user=supervisor@")).length).toBeGreaterThan(0);
  });
});
