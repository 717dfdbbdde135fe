/**
 * The review API and the admin connection test over real HTTP against the production build: a call a
 * telecommunicator opened is found, viewed, ranked and exported by a supervisor; each view and export
 * lands in the audit trail; the connection test answers ok, then failure under a sandbox fault, and
 * never with a secret.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UpstreamTestResult } from "@/lib/admin/upstream-test";
import type { NearestDevicesResponse, ReviewCallResponse, ReviewListResponse } from "@/lib/review/types";
import { signIn, startApp, type RunningApp } from "@/testing/app-server";

const DEMO = "sandbox-demo";
const PHONE = "14125550101";

interface AuditRow {
  action: string;
  outcome: string;
  target: string | null;
  phone: string | null;
  actorEmail: string | null;
  detail: Record<string, unknown>;
}

describe("review and connection-test routes", () => {
  let app: RunningApp;
  const cookie = { telecommunicator: "", supervisor: "", admin: "" };
  let callId = "";

  beforeAll(async () => {
    app = await startApp();
    for (const role of ["telecommunicator", "supervisor", "admin"] as const) cookie[role] = await signIn(app.url, `${role}@sandbox.local`, DEMO);
    // Devices first, so the app has stored camera positions; then the caller.
    expect((await api("/api/devices", cookie.telecommunicator)).status).toBe(200);
    const opened = await api("/api/calls", cookie.telecommunicator, "POST", { phone: "412-555-0101" });
    expect(opened.status).toBe(200);
    callId = ((await opened.json()) as { call: { id: string } }).call.id;
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
  });

  function api(path: string, who: string, method = "GET", body?: unknown) {
    return fetch(`${app.url}${path}`, {
      method,
      headers: { cookie: who, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
  const audit = async (query: string) =>
    ((await (await api(`/api/audit?${query}`, cookie.supervisor)).json()) as { rows: AuditRow[] }).rows;

  it("lists, views, ranks and exports a stored call, and audits the view and the export", async () => {
    const list = (await (await api("/api/review/calls?phone=(412)%20555-0101&limit=5", cookie.supervisor)).json()) as ReviewListResponse;
    expect(list.calls.map((c) => c.id)).toContain(callId);
    expect((await api("/api/review/calls?phone=12", cookie.supervisor)).status).toBe(400);

    const view = (await (await api(`/api/review/calls/${callId}`, cookie.supervisor)).json()) as ReviewCallResponse;
    expect(view.call.phone).toBe(PHONE);
    expect(view.trail.length).toBe(view.call.locationCount);
    expect(view.trail[0]).toMatchObject({ callerId: PHONE, receivedAt: expect.any(Number) });

    const at = view.trail[view.trail.length - 1]!.locationTime;
    const nearest = (await (await api(`/api/review/calls/${callId}/devices?at=${at}`, cookie.supervisor)).json()) as NearestDevicesResponse;
    expect(nearest.origin?.locationTime).toBe(at);
    for (const d of nearest.devices) expect(d.at).toBeLessThanOrEqual(at);
    expect(nearest.devices.map((d) => d.distanceM)).toEqual([...nearest.devices.map((d) => d.distanceM)].sort((a, b) => a - b));
    expect((await api(`/api/review/calls/${callId}/devices`, cookie.supervisor)).status).toBe(400);

    const csv = await api(`/api/review/calls/${callId}/export?format=csv`, cookie.supervisor);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="call-14125550101-\d{8}T\d{6}Z\.csv"$/);
    expect((await csv.text()).trimEnd().split("\r\n")).toHaveLength(view.trail.length + 1);
    const geo = await api(`/api/review/calls/${callId}/export?format=geojson`, cookie.supervisor);
    expect(geo.headers.get("content-type")).toBe("application/geo+json; charset=utf-8");
    expect(((await geo.json()) as { features: unknown[] }).features).toHaveLength(view.trail.length + (view.trail.length >= 2 ? 1 : 0));
    expect((await api(`/api/review/calls/${callId}/export?format=xlsx`, cookie.supervisor)).status).toBe(400);
    expect((await api("/api/review/calls/00000000-0000-4000-8000-000000000000", cookie.supervisor)).status).toBe(404);

    const rows = await audit(`action=review.&user=supervisor@&phone=${PHONE}`);
    const exports = rows.filter((r) => r.action === "review.export");
    expect(exports.map((r) => r.detail.format)).toEqual(["geojson", "csv"]);
    expect(exports[1]).toMatchObject({ target: callId, phone: PHONE, outcome: "success", detail: { rows: view.trail.length } });
    expect(rows.filter((r) => r.action === "review.view")).toEqual([
      expect.objectContaining({ target: callId, phone: PHONE, actorEmail: "supervisor@sandbox.local", detail: expect.objectContaining({ locations: view.trail.length }) }),
    ]);
  });

  it("tests an upstream connection for admins: ok, then a failure in words, never a secret", async () => {
    const ok = await api("/api/admin/upstreams/rapidsos/test", cookie.admin, "POST");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ upstream: "rapidsos", ok: true, status: 404 });

    const fault = await fetch(`${app.url}/sandbox/control/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ upstream: "axon", kind: "500", count: 3 }),
    });
    expect(fault.ok).toBe(true);
    const failed = await api("/api/admin/upstreams/axon/test", cookie.admin, "POST");
    const text = await failed.text();
    expect(failed.status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ upstream: "axon", ok: false, failedStep: "request", status: 500, detail: "Axon is having a problem and could not answer. Try again in a moment." });
    for (const secret of ["sandbox-axon-secret", "sandbox-rapidsos-secret", "Bearer", "/sandbox/"]) expect(text).not.toContain(secret);

    expect((await api("/api/admin/upstreams/other/test", cookie.admin, "POST")).status).toBe(404);
    expect((await api("/api/admin/upstreams/axon/test", cookie.supervisor, "POST")).status).toBe(403);
    const rows = await audit("action=admin.upstream_test");
    expect(rows.map((r) => [r.target, r.outcome, r.actorEmail])).toEqual([
      ["axon", "failure", "admin@sandbox.local"],
      ["rapidsos", "success", "admin@sandbox.local"],
    ]);
    expect(rows[0]?.detail).toMatchObject({ failedStep: "request", status: 500, summary: "HTTP 500" });
  });
});
