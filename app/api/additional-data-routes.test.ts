/**
 * GET /api/calls/<id>/additional-data and /api/alerts/<id>/additional-data over real HTTP against
 * the production build and its embedded sandbox (one server for both): the call tracker or the
 * alerts runner fills them after a WorkFlow trigger, a poll that finds nothing new is a 304, and
 * every answer that carries the data is one audit row, a 304 none.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdditionalDataResponse, AlertAdditionalDataResponse } from "@/lib/additional-data/types";
import { signIn, startApp, type RunningApp } from "@/testing/app-server";

const DEMO = "sandbox-demo";

describe("GET /api/calls/<id>/additional-data, /api/alerts/<id>/additional-data", () => {
  let app: RunningApp;
  let tc: string;
  let supervisor: string;

  beforeAll(async () => {
    app = await startApp();
    tc = await signIn(app.url, "telecommunicator@sandbox.local", DEMO);
    supervisor = await signIn(app.url, "supervisor@sandbox.local", DEMO);
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
  });

  const get = (p: string, cookie: string, headers: Record<string, string> = {}) => fetch(`${app.url}${p}`, { headers: { cookie, ...headers } });

  /**
   * GET `url` until `ready` says its body has arrived (the tracker or runner stores it within
   * seconds); a 404 only while the alert itself is not stored yet.
   */
  async function poll<T>(url: string, ready: (body: T) => boolean): Promise<{ res: Response; body: T }> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const res = await get(url, tc);
      if (res.status === 404 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        continue;
      }
      expect(res.status).toBe(200);
      const body = (await res.json()) as T;
      if (ready(body) || Date.now() > deadline) return { res, body };
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  const auditRows = async (target: string) => {
    const audit = (await (await get(`/api/audit?action=additional_data.view`, supervisor)).json()) as { rows: { target: string; outcome: string; detail: Record<string, unknown> }[] };
    return audit.rows.filter((r) => r.target === target);
  };

  it("serves what the tracker stored, 304 while unchanged, and audits each view it sends", async () => {
    const fired = await fetch(`${app.url}/sandbox/control/workflow/trigger`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sample: "data_connect" }) });
    expect(((await fired.json()) as { answer: { code: number } }).answer.code).toBe(0);
    const opened = await fetch(`${app.url}/api/calls`, { method: "POST", headers: { cookie: tc, "content-type": "application/json" }, body: JSON.stringify({ phone: "+1 412 555 0201" }) });
    expect(opened.status).toBe(200);
    const { call } = (await opened.json()) as { call: { id: string } };
    const url = `/api/calls/${call.id}/additional-data`;

    const { res, body } = await poll<AdditionalDataResponse>(url, (b) => b.data !== null);
    expect(body.data?.flags.map((f) => f.label)).toEqual(["Do not resuscitate (DNR)", "Oxygen dependent"]);
    // The browser never sees a token or the upstream's address.
    expect(JSON.stringify(body)).not.toMatch(/access_token|sandbox\/rapidsos|Bearer/);

    const etag = res.headers.get("etag")!;
    expect(etag).toBe(`"ad-${call.id}-${body.version}"`);
    expect((await get(url, tc, { "if-none-match": etag })).status).toBe(304);
    expect((await get(url, tc, { "if-none-match": etag })).status).toBe(304);

    const rows = await auditRows(call.id);
    const withData = rows.filter((r) => r.detail.present === true);
    expect(withData).toHaveLength(1);
    expect(rows.every((r) => r.outcome === "success")).toBe(true);

    expect((await get(`/api/calls/00000000-0000-4000-8000-000000000000/additional-data`, tc)).status).toBe(404);
    expect((await get(url, "")).status).toBe(401);
  }, 60_000);

  it("serves an alert's data (RAD-E by alert_id) as the alerts runner stored it, 304 while unchanged, each view audited", async () => {
    const fired = await fetch(`${app.url}/sandbox/control/workflow/trigger`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sample: "alert" }) });
    const { answer } = (await fired.json()) as { answer: { code: number; id: string } };
    expect(answer.code).toBe(0);
    const url = `/api/alerts/${answer.id}/additional-data`;

    // Before the runner has stored the alert there is no such alert (404), then its data arrives.
    const { res, body } = await poll<AlertAdditionalDataResponse>(url, (b) => b.data !== null);
    expect(body.alertId).toBe(answer.id);
    expect(body.data?.sections.map((s) => s.label)).toEqual(expect.arrayContaining(["Caller profile", "Vehicle"]));
    expect(JSON.stringify(body)).not.toMatch(/access_token|sandbox\/rapidsos|Bearer/);

    // The ETag names the version sent, even when a newer one was stored while the answer was made.
    const etag = res.headers.get("etag")!;
    expect(body.version).toBeGreaterThan(0);
    expect(etag).toBe(`"aad-${answer.id}-${body.version}"`);
    expect((await get(url, tc, { "if-none-match": etag })).status).toBe(304);
    const rows = await auditRows(`alert:${answer.id}`);
    expect(rows.filter((r) => r.detail.present === true)).toHaveLength(1);

    expect((await get(`/api/alerts/alert-no-such-alert/additional-data`, tc)).status).toBe(404);
    expect((await get(`/api/alerts/${encodeURIComponent("not an id")}/additional-data`, tc)).status).toBe(400);
    expect((await get(url, "")).status).toBe(401);
  }, 60_000);
});
