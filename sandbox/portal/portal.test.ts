/**
 * The sandbox Portal's server side: partner configuration checked against the RapidSOS Data Share Partner Guide's limits,
 * and shares (good and deliberately bad) delivered over real HTTP to the real handler.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig, type AppConfig } from "@/lib/config/env";
import { Secret } from "@/lib/config/secret";
import { datashareDeliveries } from "@/lib/db/schema";
import { createSandbox, type Sandbox } from "@/sandbox";
import { backends } from "@/testing/databases";
import { checkPartner } from "./partner";
import { portalState, shareFromPortal, type ShareRequest } from "./portal";
import { CURRENT_SECRET, openHarness, PREVIOUS_SECRET, type Harness } from "@/lib/datashare/testing";

const sandboxConfig = parseConfig({ SANDBOX: "on", PORT: "3999" });
const withPartner = (changes: Partial<AppConfig["datashare"]>): Pick<AppConfig, "datashare"> => ({
  datashare: { ...sandboxConfig.datashare, ...changes },
});

describe("partner configuration (the RapidSOS Data Share Partner Guide's table)", () => {
  it("is usable as the sandbox configures it, and never shows the secret", () => {
    const check = checkPartner(sandboxConfig);
    expect(check.ok).toBe(true);
    expect(check.view).toMatchObject({
      handlerUrl: "http://localhost:3999/api/datashare",
      solutionName: "Dispatcher Map",
      secretKeyConfigured: true,
      problems: [],
    });
    expect(JSON.stringify(check.view)).not.toContain("sandbox-datashare-secret");
  });

  it("accepts a name of exactly 30 and a description of exactly 280 characters", () => {
    const check = checkPartner(withPartner({ solutionName: "n".repeat(30), solutionDescription: "d".repeat(280) }));
    expect(check.view.problems).toEqual([]);
  });

  it.each([
    ["a 31-character solution name", { solutionName: "n".repeat(31) }, /Solution name is at most 30/],
    ["a 281-character description", { solutionDescription: "d".repeat(281) }, /description is at most 280/],
    ["no secret key", { secrets: [] }, /Secret key is required/],
    ["a handler URL that is not http(s)", { handlerUrl: "ftp://partner.example/handler" }, /Handler URL/],
    ["a support contact without an email address", { supportContact: "Jane Doe" }, /email address/],
    ["an empty partner name", { partnerName: " " }, /Partner name is required/],
  ])("reports %s", (_, changes, problem) => {
    const check = checkPartner(withPartner(changes));
    expect(check.ok).toBe(false);
    expect(check.view.problems.join("; ")).toMatch(problem);
  });
});

describe.each(backends)("sharing from the sandbox Portal to the handler on $name", (backend) => {
  let sandbox: Sandbox;
  let h: Harness;
  let config: Pick<AppConfig, "datashare">;

  beforeAll(async () => {
    sandbox = createSandbox({ seed: 911, tokenTtlSeconds: 3600, leiRateLimitPerMinute: 10_000 });
    sandbox.clock.pause();
    h = await openHarness(backend);
    config = withPartner({ handlerUrl: `${h.served.url}/api/datashare`, secrets: [CURRENT_SECRET, PREVIOUS_SECRET] });
  });
  afterAll(() => h?.close());

  const statuses = async (request: ShareRequest) =>
    (await shareFromPortal(sandbox, config, request)).attempts.map((a) => a.status);

  it("lists only active calls, newest first", () => {
    const { calls } = portalState(sandbox, config);
    expect(calls.length).toBeGreaterThan(0);
    const active = new Set(sandbox.snapshot().callers.filter((c) => c.status === "active").map((c) => c.phone));
    expect(calls.every((c) => active.has(c.phone))).toBe(true);
    expect(calls.map((c) => c.callStart)).toEqual([...calls.map((c) => c.callStart)].sort((a, b) => b - a));
  });

  it("delivers a signed share that the handler accepts, carrying a token LEI honours", async () => {
    const phone = portalState(sandbox, config).calls[0]!.phone;
    const result = await shareFromPortal(sandbox, config, { phone });
    expect(result).toMatchObject({ phone, signature: "valid", attempts: [{ status: 200 }] });
    expect(JSON.stringify(result)).not.toMatch(/access_token|datashare-secret/);

    const [stored] = await h.database.db.select().from(datashareDeliveries).where(eq(datashareDeliveries.phone, phone));
    expect(stored).toMatchObject({ eccAccountId: "sandbox-ecc-allegheny-county", bbox: [-80.361, 40.194, -79.688, 40.674] });
    expect(stored!.incidentLatitude).toEqual(expect.any(Number));
    const token = h.sealKey.unseal(stored!.accessTokenSealed!)!;
    const lei = await sandbox.handle(
      new Request(`http://sandbox.test/sandbox/rapidsos/v1/rsos/location?caller_id=${phone}`, {
        headers: { authorization: `Bearer ${token.reveal()}` },
      }),
    );
    expect(lei.status).toBe(200);
  });

  it("sends retries of the same bytes, which the handler takes once", async () => {
    const before = (await h.database.db.select().from(datashareDeliveries)).length;
    expect(await statuses({ repeat: 3 })).toEqual([200, 200, 200]);
    expect(await h.database.db.select().from(datashareDeliveries)).toHaveLength(before + 1);
  });

  it.each([
    [{ signature: "wrong" }, 401],
    [{ signature: "missing" }, 401],
    [{ signature: "malformed" }, 401],
    [{ signature: "uppercase" }, 200],
    [{ secretIndex: 1 }, 200],
    [{ body: "{not json" }, 400],
    [{ body: JSON.stringify({ pad: "x".repeat(70_000) }) }, 400],
    [{ fields: { access_token: null } }, 400],
    [{ fields: { query: "tel://1" } }, 400],
    [{ fields: { bounding_box: { north: 40, south: 41, east: -79, west: -80 } } }, 400],
    [{ fields: { incident_location: { latitude: -91, longitude: 0 } } }, 400],
    [{ fields: { share_reason: "unknown fields are fine" } }, 200],
  ] as [ShareRequest, number][])("%j → the handler answers %i", async (request, status) => {
    expect(await statuses(request)).toEqual([status]);
  });

  it("refuses a secret index that is not configured, and reports a handler that does not answer", async () => {
    await expect(shareFromPortal(sandbox, config, { secretIndex: 4 })).rejects.toThrow(/secretIndex/);
    const dead = withPartner({ handlerUrl: "http://127.0.0.1:9/api/datashare", secrets: [new Secret("s")] });
    const result = await shareFromPortal(sandbox, dead, {});
    expect(result.attempts[0]).toMatchObject({ status: null, response: expect.stringMatching(/^No answer/) });
  });
});
