/**
 * GET /api/calls/<id>/additional-data over real HTTP against the production build and its embedded
 * sandbox: the tracker fills it after a WorkFlow trigger, a poll that finds nothing new is a 304,
 * and every answer that carries the data is one audit row, a 304 none.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdditionalDataResponse } from "@/lib/additional-data/types";
import { signIn, startApp, type RunningApp } from "@/testing/app-server";

const DEMO = "sandbox-demo";

describe("GET /api/calls/<id>/additional-data", () => {
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

  it("serves what the tracker stored, 304 while unchanged, and audits each view it sends", async () => {
    const fired = await fetch(`${app.url}/sandbox/control/workflow/trigger`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sample: "data_connect" }) });
    expect(((await fired.json()) as { answer: { code: number } }).answer.code).toBe(0);
    const opened = await fetch(`${app.url}/api/calls`, { method: "POST", headers: { cookie: tc, "content-type": "application/json" }, body: JSON.stringify({ phone: "+1 412 555 0201" }) });
    expect(opened.status).toBe(200);
    const { call } = (await opened.json()) as { call: { id: string } };
    const url = `/api/calls/${call.id}/additional-data`;

    let res: Response;
    let body: AdditionalDataResponse;
    const deadline = Date.now() + 20_000;
    for (;;) {
      res = await get(url, tc);
      expect(res.status).toBe(200);
      body = (await res.json()) as AdditionalDataResponse;
      if (body.data !== null || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(body.data?.flags.map((f) => f.label)).toEqual(["Do not resuscitate (DNR)", "Oxygen dependent"]);
    // The browser never sees a token or the upstream's address.
    expect(JSON.stringify(body)).not.toMatch(/access_token|sandbox\/rapidsos|Bearer/);

    const etag = res.headers.get("etag")!;
    expect((await get(url, tc, { "if-none-match": etag })).status).toBe(304);
    expect((await get(url, tc, { "if-none-match": etag })).status).toBe(304);

    const audit = (await (await get(`/api/audit?action=additional_data.view`, supervisor)).json()) as { rows: { target: string; outcome: string; detail: Record<string, unknown> }[] };
    const rows = audit.rows.filter((r) => r.target === call.id);
    const withData = rows.filter((r) => r.detail.present === true);
    expect(withData).toHaveLength(1);
    expect(rows.every((r) => r.outcome === "success")).toBe(true);

    expect((await get(`/api/calls/00000000-0000-4000-8000-000000000000/additional-data`, tc)).status).toBe(404);
    expect((await get(url, "")).status).toBe(401);
  }, 60_000);
});
