import type { CallDetailResponse } from "@/lib/calls/types";
import { toDisplayCircle } from "@/lib/geo/confidence";
import { asRole, expect, test } from "./fixtures";
import { SCENARIO_PHONES } from "./pages/sandbox-control";

/** DISPLAY_CONFIDENCE is not set for the e2e server, so the default applies. */
const DISPLAY_CONFIDENCE = 90;

test.use(asRole("telecommunicator"));

test.beforeEach(async ({ sandbox, consolePage }) => {
  await sandbox.resetPaused();
  await consolePage.closeMyCalls();
  await consolePage.goto();
});

// Each scenario caller sends a different kind of uncertainty (see sandbox/call-plan.ts PROFILES).
const CALLERS = [
  { kind: "walking", typed: "412-555-0101", phone: SCENARIO_PHONES.walking, circle: "converted", sentConfidence: 90 },
  { kind: "driving", typed: "(412) 555-0102", phone: SCENARIO_PHONES.driving, circle: "converted", sentConfidence: 68 },
  { kind: "text-to-911", typed: "+1 412 555 0103", phone: SCENARIO_PHONES.text, circle: "as-sent", sentConfidence: null },
] as const;

for (const c of CALLERS) {
  test(`finds the ${c.kind} caller typed as "${c.typed}", selects and frames it, with its circle @ ${DISPLAY_CONFIDENCE}%`, async ({ consolePage, page }) => {
    await consolePage.find(c.typed);
    const row = consolePage.selectedCall;
    await expect(row).toHaveAttribute("data-phone", c.phone);

    // What the server holds for this caller, as LEI sent it.
    const id = (await row.getAttribute("data-call-id")) ?? "";
    const detail = (await (await page.request.get(`/api/calls/${id}`)).json()) as CallDetailResponse;
    const latest = detail.call.latest;
    if (!latest) throw new Error("the call has no location");
    expect(latest.uncertainty.confidence).toBe(c.sentConfidence);
    const expected = toDisplayCircle(latest.uncertainty, DISPLAY_CONFIDENCE);
    expect(expected.kind).toBe(c.circle);
    if (expected.kind === "none") throw new Error("the scenario caller should have a radius");

    const shown = await consolePage.mirroredCall(row);
    expect(shown).toMatchObject({ lat: latest.latitude, lng: latest.longitude, circle: c.circle, radiusM: expected.radiusM });
    const uncertainty = consolePage.callerDetails.getByTestId("caller-uncertainty");
    if (expected.kind === "converted") {
      expect(shown.confidence).toBe(DISPLAY_CONFIDENCE);
      await expect(uncertainty).toContainText(`±${expected.radiusM} m @ ${DISPLAY_CONFIDENCE}%`);
      if (c.sentConfidence !== DISPLAY_CONFIDENCE) await expect(uncertainty).toContainText(expected.sentLabel);
    } else {
      // No confidence was sent: drawn as sent, never relabelled as 90%.
      expect(shown.confidence).toBeNull();
      await expect(uncertainty).toContainText(`±${expected.radiusM} m (confidence not stated)`);
    }
    await expect(consolePage.callerDetails.getByTestId("caller-coordinates")).toContainText(
      `${latest.latitude.toFixed(6)}, ${latest.longitude.toFixed(6)}`,
    );
    await consolePage.expectInView(latest.latitude, latest.longitude);
    // The framing animates: poll until it settles rather than read one moment of it.
    await expect.poll(() => consolePage.zoom(), { timeout: 15_000 }).toBeGreaterThanOrEqual(14);
  });
}

test("the caller's place: LEI's exact location, the place's phone and page, and which geocoder named it", async ({ consolePage }) => {
  // At the seed's start the walking caller is at PPG Place, which Apple's geocoder names in the sandbox.
  await consolePage.find("412-555-0101");
  const details = consolePage.callerDetails;
  // After a reset the number's earlier call (from a test before) is replaced by the new one within a
  // poll, which can take the selection with it: select the row the list shows, once it settled.
  const row = consolePage.callRowByPhone(SCENARIO_PHONES.walking);
  await expect(async () => {
    if ((await row.getAttribute("aria-selected")) !== "true") await row.click();
    await expect(details.getByTestId("caller-exact-location")).toHaveText("Plaza level", { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(details.getByTestId("caller-place-contact")).toHaveText("+1 (412) 555-0120");
  await expect(details.getByTestId("caller-place")).toHaveAttribute("data-rg-engine", "apple");
  await expect(details.getByTestId("caller-place")).toContainText("PPG Place · named by Apple");
  const link = details.getByTestId("caller-place-info").getByRole("link");
  await expect(link).toHaveAttribute("href", "https://example.org/places/ppg-place");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  await consolePage.screenshot("caller-place-details");
});

test("a number RapidSOS knows nothing about says so and opens nothing", async ({ consolePage }) => {
  await consolePage.find("412-555-0199");
  await expect(consolePage.page.getByRole("alert").filter({ hasText: /no location/i })).toBeVisible();
  await expect(consolePage.calls.getByRole("option", { selected: true })).toHaveCount(0);
});

test("the trail grows as the sandbox clock advances, and the camera stays put", async ({ consolePage, sandbox }) => {
  await consolePage.find("412-555-0101");
  const row = consolePage.selectedCall;
  const before = await consolePage.mirroredCall(row);
  const details = consolePage.callerDetails;
  await expect(details).toHaveAttribute("data-trail-count", /^[1-9]\d*$/);
  const trailBefore = Number(await details.getAttribute("data-trail-count"));
  // The search frames the caller with an animation: let it land before taking the camera's place.
  await expect.poll(() => consolePage.zoom(), { timeout: 15_000 }).toBeGreaterThanOrEqual(14);
  await consolePage.waitForMapIdle();
  const centerBefore = await consolePage.map.getAttribute("data-center");

  await sandbox.advance(60_000);

  await expect.poll(async () => Number(await details.getAttribute("data-trail-count")), { timeout: 20_000 }).toBeGreaterThan(trailBefore);
  await expect.poll(async () => (await consolePage.mirroredCall(row)).lat).not.toBe(before.lat);
  // New data never moves the camera unless the user asked to follow.
  expect(await consolePage.map.getAttribute("data-center")).toBe(centerBefore);
});

test("a caller goes stale when the call ends, then shows as ended once LEI stops answering", async ({ consolePage, sandbox }) => {
  await consolePage.find("(412) 555-0102");
  const row = consolePage.selectedCall;
  await expect(row).toHaveAttribute("data-freshness", "live");
  const id = (await row.getAttribute("data-call-id")) ?? "";
  const stale = consolePage.callerDetails.getByTestId("caller-stale");
  await expect(stale).toHaveCount(0);

  await sandbox.endCall(SCENARIO_PHONES.driving);
  await sandbox.advance(2 * 60_000);
  const sameCall = consolePage.callRow(id);
  await expect(sameCall).toHaveAttribute("data-freshness", "stale", { timeout: 15_000 });
  await expect(stale).toContainText(/No new location for 2 min/);
  await expect(sameCall.getByText(/^Stale/)).toBeVisible();
  await consolePage.waitForMapIdle();
  await consolePage.screenshot("console-caller-stale");

  // LEI keeps answering ~10 minutes after the end, then stops: the app ends the call.
  await sandbox.advance(10 * 60_000);
  await expect(sameCall).toHaveAttribute("data-call-status", "ended", { timeout: 20_000 });
  await expect(sameCall).toHaveAttribute("data-freshness", "inactive");
  await expect(stale).toContainText(/Call ended/);
});
