import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config/env";
import { portalState } from "../portal/portal";
import { serveSandbox, type ServedSandbox } from "../testing";
import { BAD_CASES, sampleTrigger } from "./samples";

const T0 = 1_795_359_600_000;
type Answer = { code: number; id: string | null; message: string };
type Lei = { results: Record<string, string | null>[] };

let s: ServedSandbox;
let token: string;

beforeAll(async () => {
  s = await serveSandbox({ seed: 911, startRealNow: T0 });
});
beforeEach(async () => {
  await s.control("POST", "reset", {});
  await s.control("POST", "clock", { action: "pause" });
  token = await s.rapidsosToken();
});
afterAll(() => s.close());

const trigger = (body: unknown, bearer: string | null = token) =>
  fetch(`${s.rapidsosBase}/v1/rem/trigger`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const lei = async (phone: string) => {
  const res = await fetch(`${s.rapidsosBase}/v1/rsos/location?caller_id=${phone}&limit=100`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: res.status === 200 ? ((await res.json()) as Lei) : null };
};
const rade = (query: string, bearer: string | null = token) =>
  fetch(`${s.rapidsosBase}/v1/rad-e/additional-data?${query}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

describe("POST /v1/rem/trigger", () => {
  it("code 0: a Data Connect trigger starts a 911 call LEI answers for, with the given location and uncertainty", async () => {
    expect((await lei("14125550201")).status).toBe(404);
    const res = await trigger(sampleTrigger("data_connect"));
    expect(res.status).toBe(200);
    const a = (await res.json()) as Answer;
    expect(a).toMatchObject({ code: 0, message: expect.stringContaining("+14125550201") });
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    await s.advanceClock(1_000);
    const got = await lei("14125550201");
    expect(got.status).toBe(200);
    const last = got.body!.results.at(-1)!;
    expect(last).toMatchObject({ caller_id: "14125550201", latitude: "40.439000", longitude: "-79.996300", uncertainty_radius: "12.0", caller_name: "Dana Whitfield" });
  });

  it("a later trigger for the same number moves the call, and the data becomes its additional data", async () => {
    await trigger(sampleTrigger("data_connect"));
    await s.advanceClock(20_000);
    const moved = (await (await trigger(sampleTrigger("data_connect", { latitude: 40.4412, longitude: -79.99, uncertainty: 30 }))).json()) as Answer;
    expect(moved).toMatchObject({ code: 0, message: expect.stringContaining("updated") });
    await s.advanceClock(1_000);
    const records = (await lei("14125550201")).body!.results;
    expect(new Set(records.map((r) => r.call_start_time)).size).toBe(1);
    expect(records.at(-1)).toMatchObject({ latitude: "40.441200", uncertainty_radius: "30.0" });

    const doc = (await (await rade("caller_id=14125550201")).json()) as { sections: { type: string; label: string; fields?: { key: string; label: string; value: unknown; flag?: boolean }[] }[] };
    const types = doc.sections.map((x) => x.type);
    expect(types).toEqual(expect.arrayContaining(["profile", "medical", "contacts", "vehicle", "device", "crash_telemetry", "emergency_flow"]));
    const medical = doc.sections.find((x) => x.type === "medical")!;
    expect(medical.fields).toContainEqual({ key: "dnr", label: "Do not resuscitate (DNR)", value: true, flag: true });
    expect(medical.fields).toContainEqual({ key: "speech_impaired", label: "Speech impaired", value: null, flag: true });
  });

  it("code 0: a voice trigger (Connect to 9-1-1) starts a call too", async () => {
    const a = (await (await trigger(sampleTrigger("voice"))).json()) as Answer;
    expect(a.code).toBe(0);
    await s.advanceClock(1_000);
    expect((await lei("14125550202")).body!.results.at(-1)).toMatchObject({ latitude: "40.444500", uncertainty_radius: "25.0" });
  });

  it("code 0: alert_create_location_update creates an alert, then moves it with alert.location_update", async () => {
    const events: string[] = [];
    const stop = s.sandbox.alerts.board.subscribe((e) => events.push(e.event));
    const first = (await (await trigger(sampleTrigger("alert"))).json()) as Answer;
    expect(first.code).toBe(0);
    expect(s.sandbox.alerts.board.has(first.id!)).toBe(true);
    const second = (await (await trigger(sampleTrigger("alert", { latitude: 40.4535, longitude: -79.9818 }))).json()) as Answer;
    expect(second).toMatchObject({ code: 0, id: first.id });
    stop();
    expect(events.filter((e) => e === "alert.new")).toHaveLength(1);
    expect(events).toContain("alert.location_update");
    const doc = (await (await rade(`alert_id=${first.id}`)).json()) as { alert_id: string; sections: { type: string }[] };
    expect(doc.alert_id).toBe(first.id);
    expect(doc.sections.map((x) => x.type)).toEqual(expect.arrayContaining(["profile", "vehicle", "alert_profile"]));
  });

  it("401 without a token, or with an invalid one (the gateway's fault body)", async () => {
    for (const bearer of [null, "not-a-token"]) {
      const res = await trigger(sampleTrigger("data_connect"), bearer);
      expect(res.status).toBe(401);
      expect(await res.json()).toHaveProperty("fault.faultstring");
    }
    expect((await lei("14125550201")).status).toBe(404);
  });

  it("code -1: a server error queued through the control API, and nothing is started", async () => {
    await s.control("POST", "workflow/faults", { kind: "server_error" });
    const res = await trigger(sampleTrigger("data_connect"));
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ code: -1, id: null });
    expect((await lei("14125550201")).status).toBe(404);
    expect(((await (await trigger(sampleTrigger("data_connect"))).json()) as Answer).code).toBe(0);
  });

  it.each([
    ["not_json", /not valid JSON/],
    ["unknown_callflow", /callflow "company_panic_v9" is not configured/],
    ["missing_phone", /variables\.caller_info\.phone_number is required/],
    ["ten_digit_phone", /variables\.caller_info\.phone_number has no country code/],
    ["number_as_name", /variables\.caller_info\.full_name must be a string/],
    ["word_as_latitude", /variables\.location\.latitude must be a number/],
    ["latitude_out_of_range", /variables\.location\.latitude must be between -90 and 90/],
    ["missing_location", /variables\.location is required/],
    ["enormous_variables", /variables is too large/],
  ] as const)("code -2 for %s, naming the field, and nothing half-created", async (c, message) => {
    const res = await s.control("POST", "workflow/bad", { case: c });
    const out = (await res.json()) as { status: number; answer: Answer };
    expect(out.status).toBe(400);
    expect(out.answer).toMatchObject({ code: -2, id: null });
    expect(out.answer.message).toMatch(message);
    expect((await lei("14125550201")).status).toBe(404);
    const state = (await (await s.control("GET", "workflow")).json()) as { calls: unknown[] };
    expect(state.calls).toEqual([]);
  });

  it("lists every bad case the control API can fire", () => {
    expect(BAD_CASES).toHaveLength(9);
  });

  it("a body over 64 KB is refused whole, with -2 naming variables", async () => {
    const res = await trigger({ ...sampleTrigger("data_connect"), variables: { ...sampleTrigger("data_connect").variables, blob: "y".repeat(70_000) } });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: -2, message: expect.stringMatching(/^variables/) });
  });
});

describe("GET /v1/rad-e/additional-data", () => {
  it("is OAuth-protected, 404 before a trigger, and 404 once the call's data expires", async () => {
    await s.resetCounts();
    expect((await rade("caller_id=14125550201", null)).status).toBe(401);
    expect((await rade("caller_id=14125550201")).status).toBe(404);
    expect((await rade("caller_id=4125550201")).status).toBe(400);
    await trigger(sampleTrigger("data_connect"));
    expect((await rade("caller_id=14125550201")).status).toBe(200);
    // The call ends 15 min after its last trigger; RAD-E and LEI forget it 10 min later.
    await s.advanceClock(24 * 60_000);
    expect((await rade("caller_id=14125550201")).status).toBe(200);
    await s.advanceClock(2 * 60_000);
    expect((await rade("caller_id=14125550201")).status).toBe(404);
    expect((await lei("14125550201")).status).toBe(404);
    // Every read is counted, refused ones too, as LEI's and Axon's are.
    expect((await s.counts()).rapidsos.additionalData).toBe(6);
  });

  it("serves a malformed section when the control API asks for one", async () => {
    await trigger(sampleTrigger("voice"));
    await s.control("POST", "workflow/faults", { kind: "malformed_additional_data" });
    const doc = (await (await rade("caller_id=14125550202")).json()) as { sections: { label: unknown }[] };
    expect(doc.sections.some((x) => typeof x.label !== "string")).toBe(true);
    const again = (await (await rade("caller_id=14125550202")).json()) as { sections: { label: unknown }[] };
    expect(again.sections.every((x) => typeof x.label === "string")).toBe(true);
  });

  it("is the same under the same seed and clock", async () => {
    const a = (await (await trigger(sampleTrigger("data_connect"))).json()) as Answer;
    await s.control("POST", "reset", {});
    token = await s.rapidsosToken();
    const b = (await (await trigger(sampleTrigger("data_connect"))).json()) as Answer;
    expect(b.id).toBe(a.id);
  });
});

describe("the Portal's list", () => {
  it("offers a device's 911 call for Data Share like any other, newest first", async () => {
    await trigger(sampleTrigger("voice"));
    const { calls } = portalState(s.sandbox, parseConfig({ SANDBOX: "on", PORT: "3999" }));
    expect(calls[0]).toMatchObject({ phone: "14125550202", callerName: "Alex Moreno", kind: "Device (Connect to 9-1-1)", latest: { lat: 40.4445, lon: -79.953 } });
    await s.control("POST", "workflow/calls/14125550202/end");
    expect(portalState(s.sandbox, parseConfig({ SANDBOX: "on", PORT: "3999" })).calls.some((c) => c.phone === "14125550202")).toBe(false);
  });
});
