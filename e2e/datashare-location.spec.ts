import { mkdirSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import type { CallsResponse } from "@/lib/calls/types";
import { mutate, mutateText, rng } from "@/lib/datashare/fuzzing";
import { asRole, expect, test } from "./fixtures";
import type { ConsolePage } from "./pages/console-page";

/**
 * Data Share, completely: a call shared before LEI has anything is drawn at the incident location
 * it was shared with (and says so) until LEI answers; a storm of accepted variants of the share
 * leaves the number with one live call, never an ended one beside it.
 */
test.use(asRole("telecommunicator"));

const INCIDENT = { latitude: 40.4412, longitude: -79.996 };

test.beforeEach(async ({ sandbox, consolePage }) => {
  await sandbox.resetPaused();
  await consolePage.closeMyCalls();
  await consolePage.goto();
});

/** A number no console lists and the sandbox has no call for: LEI answers 404 for it until we start one. */
async function unusedNumber(consolePage: ConsolePage, offset: number): Promise<string> {
  const taken = await consolePage.listedPhones();
  for (let n = 170 + offset; n < 200; n += 2) {
    const phone = `14125550${n}`;
    if (!taken.has(phone)) return phone;
  }
  throw new Error("no unused number left");
}

async function callsFor(request: APIRequestContext, phone: string) {
  const res = await request.get("/api/calls");
  expect(res.ok()).toBe(true);
  return ((await res.json()) as CallsResponse).calls.filter((c) => c.phone === phone);
}

test("a call shared before LEI has a location is drawn at the incident location, labelled, until LEI answers", async ({ consolePage, page, sandbox }) => {
  const phone = await unusedNumber(consolePage, 0);
  expect((await sandbox.share({ phone, fields: { incident_location: INCIDENT } })).map((a) => a.status)).toEqual([200]);

  const row = consolePage.callRowByPhone(phone);
  await expect(row).toHaveAttribute("data-location-origin", "share");
  await expect(row).toHaveAttribute("data-lat", String(INCIDENT.latitude));
  await expect(row).toHaveAttribute("data-lng", String(INCIDENT.longitude));
  // No radius came with the share: no circle, and the row says where the point comes from.
  await expect(row).toHaveAttribute("data-circle", "none");
  await expect(row).toContainText("at time of sharing");
  await expect(row).not.toContainText("no location yet");

  await row.click();
  const details = consolePage.callerDetails;
  await expect(details.getByTestId("caller-location-origin")).toContainText("Location at the time of sharing");
  await expect(details.getByTestId("caller-coordinates")).toContainText("40.441200, -79.996000");
  await consolePage.expectInView(INCIDENT.latitude, INCIDENT.longitude);
  mkdirSync("e2e/screenshots", { recursive: true });
  await consolePage.waitForMapIdle();
  await consolePage.screenshot("datashare-incident-location");

  // The caller's phone reaches LEI: from then on LEI's location, no longer the share's.
  expect((await page.request.post("/sandbox/control/calls", { data: { kind: "walking", phone } })).status()).toBe(201);
  await sandbox.advance(20_000);
  await expect(row).toHaveAttribute("data-location-origin", "lei", { timeout: 20_000 });
  await expect(row).not.toHaveAttribute("data-circle", "none");
  await expect(details.getByTestId("caller-location-origin")).toHaveCount(0);
  await expect(row).toHaveAttribute("data-call-status", "active");
});

test("a storm of mutated but signed shares for one number leaves one live call: none ended, one row", async ({ consolePage, page, sandbox }) => {
  const phone = await unusedNumber(consolePage, 1);
  const token = await page.request.post("/sandbox/rapidsos/oauth/token", {
    form: { client_id: "sandbox-rapidsos-client", client_secret: "sandbox-rapidsos-secret", grant_type: "client_credentials" },
  });
  const valid = {
    query: `tel://${phone}`,
    access_token: ((await token.json()) as { access_token: string }).access_token,
    incident_location: INCIDENT,
    ecc_account_id: "sandbox-ecc-allegheny-county",
    bounding_box: { min_lat: 40.194, min_lon: -80.361, max_lat: 40.674, max_lon: -79.688 },
  };
  // Shared as the call comes in, before its first location reached LEI (which answers 404 meanwhile).
  expect((await sandbox.share({ phone, body: JSON.stringify(valid) })).map((a) => a.status)).toEqual([200]);
  await expect(consolePage.callRowByPhone(phone)).toHaveAttribute("data-location-origin", "share");

  const r = rng(13);
  const known = [
    { ...valid, query: undefined, phone_number: phone.slice(1) },
    { ...valid, query: `tel://${phone.slice(1)}` },
    { ...valid, access_token: "a-token-rapidsos-never-issued" },
  ].map((v) => JSON.stringify(v));
  const bodies = [
    ...known,
    ...Array.from({ length: 150 }, (_, i) => (i % 2 ? JSON.stringify(mutate(r, valid)) : mutateText(r, JSON.stringify(valid)))),
  ];
  let accepted = 0;
  for (const [i, body] of bodies.entries()) {
    if (i === 100) expect((await page.request.post("/sandbox/control/calls", { data: { kind: "walking", phone } })).status()).toBe(201);
    const [attempt] = await sandbox.share({ phone, body });
    expect([200, 400]).toContain(attempt?.status);
    if (attempt?.status === 200) accepted++;
  }
  expect(accepted).toBeGreaterThan(known.length);
  await sandbox.advance(20_000);

  // LEI's location arrives on the one call the number has.
  await expect
    .poll(async () => (await callsFor(page.request, phone)).map((c) => [c.status, c.shared, c.latest !== null]), { timeout: 20_000 })
    .toEqual([["active", true, true]]);
  await expect(consolePage.callRowByPhone(phone)).toHaveCount(1);
  await expect(consolePage.callRowByPhone(phone)).toHaveAttribute("data-call-status", "active");
  await expect(consolePage.callRowByPhone(phone)).toHaveAttribute("data-location-origin", "lei");
});
