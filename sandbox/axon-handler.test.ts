import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { serveSandbox, type ServedSandbox } from "./testing";

const T0 = 1_795_359_600_000;

/** the public Axon Respond device-state response schema, required fields as there. */
const deviceSchema = z.object({
  partnerId: z.string(),
  partnerName: z.string(),
  axonDeviceId: z.string(),
  deviceModel: z.string(),
  deviceUpdateTimestamp: z.number().int(),
  attributes: z.object({
    deviceSerial: z.string(),
    status: z.string(),
    stream: z.object({ isStreamable: z.boolean(), reason: z.string().optional() }),
    links: z.object({ view: z.string() }).optional(),
    location: z.object({ accuracy: z.number(), latitude: z.number(), longitude: z.number(), locationUpdateTimestamp: z.number().int() }).optional(),
    signalStrengths: z.array(z.object({ signalStrength: z.string() })).optional(),
    batteries: z.array(z.object({ batteryPercentage: z.number().int() })).optional(),
    assignees: z
      .array(z.object({ assigneeType: z.string(), firstName: z.string(), lastName: z.string(), badgeNumber: z.string(), userId: z.string(), primary: z.boolean() }))
      .optional(),
  }),
});
const searchSchema = z.object({
  meta: z.object({ correlationId: z.string(), serverTimestamp: z.number().int(), totalHits: z.number().int(), count: z.number().int() }),
  data: z.array(deviceSchema),
});
type Search = z.infer<typeof searchSchema>;

let s: ServedSandbox;
let token: string;

beforeAll(async () => {
  s = await serveSandbox({ seed: 911, startRealNow: T0, tokenTtlSeconds: 600 });
  token = await s.axonToken();
});
afterAll(() => s.close());

const search = (body: unknown, headers: Record<string, string> = {}, t: string | null = token) =>
  fetch(`${s.axonBase}/respond/api/v1/devices/states/search`, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json", "client-type": "EXTERNAL", ...(t ? { authorization: `Bearer ${t}` } : {}), ...headers },
    body: JSON.stringify(body),
  });

const tokenForm = (fields: Record<string, string>) => fetch(`${s.axonBase}/api/oauth2/token`, { method: "POST", body: new URLSearchParams(fields) });
const DEFAULT = { grant_type: "client_credentials", partner_id: "sandbox-partner", client_id: "sandbox-axon-client", client_secret: "sandbox-axon-secret" };

describe("POST /api/oauth2/token", () => {
  it("issues a token shaped as etl-axon validates it", async () => {
    const res = await tokenForm(DEFAULT);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    const now = s.sandbox.clock.now();
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: "bearer",
      expires_in: 600,
      expires_on: now + 600_000,
      not_before: now,
      version: expect.any(String),
      entity: { type: expect.any(String), id: "sandbox-axon-client", partner_id: "sandbox-partner" },
    });
  });

  it.each([
    [{ ...DEFAULT, client_secret: "wrong" }, 401, "invalid_client"],
    [{ ...DEFAULT, partner_id: "other-agency" }, 401, "invalid_client"],
    [{ ...DEFAULT, client_id: "" }, 400, "invalid_request"],
    [{ ...DEFAULT, grant_type: "password" }, 400, "unsupported_grant_type"],
  ])("refuses %j with %i %s", async (fields, status, error) => {
    const res = await tokenForm(fields);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error });
  });
});

describe("POST /respond/api/v1/devices/states/search", () => {
  it("returns the documented shape for the Pittsburgh sandbox agency", async () => {
    const res = await search({ from: 0, size: 2000 });
    expect(res.status).toBe(200);
    const body = searchSchema.parse(await res.json());
    expect(body.meta).toMatchObject({ totalHits: 48, count: 48, serverTimestamp: s.sandbox.clock.now() });
    const statuses = new Set(body.data.map((d) => d.attributes.status));
    expect([...statuses].every((x) => ["RECORDING", "BUFFERING", "DOCKED", "OFFLINE"].includes(x))).toBe(true);
    for (const d of body.data) {
      expect(d.partnerName).toBe("Pittsburgh Bureau of Police (Sandbox)");
      expect(d.partnerId).toBe("sandbox-partner");
      expect(d.deviceModel).toMatch(/^AXON_BODY_[34]$/);
      expect(d.attributes.location).toBeDefined();
      expect(d.attributes.assignees).toBeDefined();
      expect(["EXCELLENT", "GOOD", "FAIR", "POOR", "NONE"]).toContain(d.attributes.signalStrengths?.[0]?.signalStrength);
      expect(d.attributes.location!.locationUpdateTimestamp).toBeLessThanOrEqual(d.deviceUpdateTimestamp);
    }
    expect(body.data.some((d) => d.attributes.assignees!.length === 0)).toBe(true);
    expect(body.data.some((d) => d.attributes.assignees!.length === 2 && d.attributes.assignees![1]!.primary === false)).toBe(true);
  });

  it("pages with from/size and totalHits, and caps size at 2000", async () => {
    const pages: Search[] = [];
    for (let from = 0; from < 48; from += 20) pages.push(searchSchema.parse(await (await search({ from, size: 20 })).json()));
    expect(pages.map((p) => p.meta.count)).toEqual([20, 20, 8]);
    expect(pages.every((p) => p.meta.totalHits === 48)).toBe(true);
    const ids = pages.flatMap((p) => p.data.map((d) => d.axonDeviceId));
    expect(new Set(ids).size).toBe(48);
    const beyond = searchSchema.parse(await (await search({ from: 100, size: 20 })).json());
    expect(beyond).toMatchObject({ meta: { totalHits: 48, count: 0 }, data: [] });
    expect((await search({ from: 0, size: 50_000 })).status).toBe(200);
  });

  it("refuses bad paging input", async () => {
    expect((await search({ from: -1, size: 10 })).status).toBe(400);
    expect((await search({ from: 0, size: "ten" })).status).toBe(400);
  });

  it("needs Client-Type: EXTERNAL", async () => {
    const res = await search({ from: 0, size: 10 }, { "client-type": "" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "invalid_request" });
  });

  it("needs a valid bearer token", async () => {
    expect((await search({}, {}, null)).status).toBe(401);
    const bad = await search({}, {}, "not-a-token");
    expect(bad.status).toBe(401);
    expect(bad.headers.get("www-authenticate")).toMatch(/invalid_token/);
  });

  it("expires tokens on the sandbox clock", async () => {
    const short = await serveSandbox({ seed: 911, startRealNow: T0, tokenTtlSeconds: 30 });
    try {
      const t = await short.axonToken();
      const call = () =>
        fetch(`${short.axonBase}/respond/api/v1/devices/states/search`, {
          method: "POST",
          headers: { "content-type": "application/json", "client-type": "EXTERNAL", authorization: `Bearer ${t}` },
          body: "{}",
        });
      expect((await call()).status).toBe(200);
      short.sandbox.clock.advance(30_000);
      const expired = await call();
      expect(expired.status).toBe(401);
      expect(await expired.json()).toMatchObject({ error: "invalid_token" });
    } finally {
      await short.close();
    }
  });

  it("leaves out location without respond.any.locate and assignees without users.read", async () => {
    const noLocate = s.sandbox.createAxonClient(["device.state.any.read", "users.read"]);
    const noUsers = s.sandbox.createAxonClient(["device.state.any.read", "respond.any.locate"]);
    const a = searchSchema.parse(await (await search({ size: 2000 }, {}, await s.axonToken(noLocate))).json());
    expect(a.data.every((d) => d.attributes.location === undefined && d.attributes.assignees !== undefined)).toBe(true);
    const b = searchSchema.parse(await (await search({ size: 2000 }, {}, await s.axonToken(noUsers))).json());
    expect(b.data.every((d) => d.attributes.location !== undefined && d.attributes.assignees === undefined)).toBe(true);
  });

  it("answers without data (meta only) without device.state.any.read, as public clients report it", async () => {
    const client = s.sandbox.createAxonClient(["respond.any.locate", "users.read"]);
    const res = await search({}, {}, await s.axonToken(client));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.meta).toMatchObject({ serverTimestamp: expect.any(Number) });
    expect("data" in body).toBe(false);
  });

  it("stops a deleted client's tokens and credentials at once", async () => {
    const client = s.sandbox.createAxonClient(["device.state.any.read", "respond.any.locate", "users.read"]);
    const t = await s.axonToken(client);
    expect((await search({}, {}, t)).status).toBe(200);
    expect(s.sandbox.deleteAxonClient(client.clientId)).toBe(true);
    const res = await search({}, {}, t);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "invalid_token" });
    const again = await tokenForm({ ...DEFAULT, client_id: client.clientId, client_secret: client.secret });
    expect(again.status).toBe(401);
  });
});
