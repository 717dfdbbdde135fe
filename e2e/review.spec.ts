import fs from "node:fs/promises";
import type { ReviewCallResponse, ReviewListResponse } from "@/lib/review/types";
import { asRole, expect, test } from "./fixtures";
import { ConsolePage } from "./pages/console-page";
import { SCENARIO_PHONES } from "./pages/sandbox-control";

const SHOT = (name: string) => `test-results/screenshots/review-${name}.png`;

test.use(asRole("supervisor"));

/** A telecommunicator opens the walking caller in the console; the app stores what LEI sent. */
async function callOpenedInConsole(openAs: (role: "telecommunicator") => Promise<import("@playwright/test").Page>): Promise<string> {
  const consolePage = new ConsolePage(await openAs("telecommunicator"));
  await consolePage.closeMyCalls();
  await consolePage.goto();
  await consolePage.find("412-555-0101");
  await expect(consolePage.selectedCall).toHaveAttribute("data-phone", SCENARIO_PHONES.walking);
  // The console's nearest list means device positions were polled (and stored) too.
  await expect(consolePage.nearest.getByRole("option").first()).toBeVisible();
  return (await consolePage.selectedCall.getAttribute("data-call-id")) ?? "";
}

test("a supervisor finds a console call by phone, walks its timeline, exports it, and the audit shows both", async ({ page, openAs, sandbox, reviewList, callReview }) => {
  await sandbox.resetPaused();
  const callId = await callOpenedInConsole(openAs);

  await reviewList.goto();
  await reviewList.searchPhone("(412) 555-0101");
  // Every listed call is this number's (earlier runs stored earlier calls of it too).
  await expect(reviewList.rows.first()).toBeVisible();
  for (const phone of await reviewList.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-phone")))) expect(phone).toBe(SCENARIO_PHONES.walking);
  const row = reviewList.row(callId);
  await expect(row).toBeVisible();
  await row.getByRole("link", { name: "(412) 555-0101" }).click();
  await expect(page).toHaveURL(`/review/${callId}`);
  await callReview.waitForMap();

  // The timeline has exactly the stored records, the latest selected.
  const stored = (await (await page.request.get(`/api/review/calls/${callId}`)).json()) as ReviewCallResponse;
  const n = stored.trail.length;
  expect(n).toBeGreaterThan(2);
  await expect(callReview.rows).toHaveCount(n);
  expect(await callReview.selectedIndex()).toBe(n - 1);
  await expect(page.getByTestId("timeline-count")).toContainText(`${n} locations`);
  const last = stored.trail[n - 1]!;
  await expect(callReview.selectedPoint.getByTestId("selected-coordinates")).toContainText(`${last.latitude.toFixed(6)}, ${last.longitude.toFixed(6)}`);
  await expect(callReview.nearest.getByRole("list", { name: "Nearest cameras at that time" }).getByRole("listitem").first()).toBeVisible();

  // Keyboard: the selection moves, the side panel and the map follow.
  await callReview.timeline.focus();
  await page.keyboard.press("ArrowUp");
  await expect(callReview.selectedRow).toHaveAttribute("data-index", String(n - 2));
  await expect(page.getByTestId("selected-index")).toHaveText(`${n - 1} of ${n}`);
  const before = stored.trail[n - 2]!;
  await expect(callReview.selectedPoint.getByTestId("selected-coordinates")).toContainText(`${before.latitude.toFixed(6)}, ${before.longitude.toFixed(6)}`);
  await callReview.expectCentredOn({ lat: before.latitude, lng: before.longitude });
  await page.keyboard.press("Home");
  await expect(callReview.selectedRow).toHaveAttribute("data-index", "0");
  await callReview.expectCentredOn(await callReview.rowPoint(0));
  await page.keyboard.press("End");
  await expect(callReview.selectedRow).toHaveAttribute("data-index", String(n - 1));

  // Export: a CSV with a header and one row per stored location.
  const [download] = await Promise.all([page.waitForEvent("download"), callReview.exportCsv.click()]);
  expect(download.suggestedFilename()).toMatch(/^call-14125550101-\d{8}T\d{6}Z\.csv$/);
  const csv = (await fs.readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines).toHaveLength(n + 1);
  expect(lines[0]).toMatch(/^index,call_id,phone,caller_name,.*,display_radius_m,display_confidence,display_label,/);
  for (const [i, line] of lines.slice(1).entries()) expect(line.startsWith(`${i + 1},${callId},${SCENARIO_PHONES.walking},`)).toBe(true);
  expect(lines[n]).toContain(`,${last.latitude},${last.longitude},`);

  // Both are in the audit trail, with the number and the call.
  await page.goto(`/audit?action=review.&phone=${SCENARIO_PHONES.walking}`);
  const audit = page.getByRole("table");
  await expect(audit.getByRole("row").filter({ hasText: "review.export" }).filter({ hasText: callId }).first()).toContainText(`"rows":${n}`);
  await expect(audit.getByRole("row").filter({ hasText: "review.view" }).filter({ hasText: callId }).first()).toContainText("supervisor@sandbox.local");
});

test("a telecommunicator gets no access to review, on the page or the API", async ({ openAs }) => {
  const tc = await openAs("telecommunicator");
  await tc.goto("/review");
  await expect(tc.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
  await expect(tc.getByRole("table")).toHaveCount(0);
  await expect(tc.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review" })).toHaveCount(0);
  await tc.goto("/review/00000000-0000-4000-8000-000000000000");
  await expect(tc.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
  for (const path of ["/api/review/calls", "/api/review/calls/00000000-0000-4000-8000-000000000000/export?format=csv"]) {
    expect((await tc.request.get(path)).status()).toBe(403);
  }
});

/** A box around downtown only: the driving caller heads east out of it. */
const DOWNTOWN = { min_lat: 40.43, min_lon: -80.02, max_lat: 40.45, max_lon: -79.98 };

test("a call shared through Data Share ends and stays reviewable, with its jurisdiction", async ({ page, context, openAs, sandbox, reviewList, callReview, baseURL }) => {
  test.setTimeout(120_000);
  await sandbox.resetPaused();
  // A console on duty: its device polling is what stores the camera trails review ranks.
  await new ConsolePage(await openAs("telecommunicator")).goto();
  const phone = SCENARIO_PHONES.driving;
  const shared = await page.request.post("/sandbox/control/datashare", { data: { phone, fields: { bounding_box: DOWNTOWN } } });
  expect(shared.ok(), await shared.text()).toBe(true);

  // Nobody opens it: the tracker polls the shared call by itself and stores what LEI sends.
  const newest = async () => {
    const res = await page.request.get(`/api/review/calls?phone=${phone}&shared=1&limit=1`);
    expect(res.ok()).toBe(true);
    return ((await res.json()) as ReviewListResponse).calls[0];
  };
  await expect.poll(async () => (await newest())?.locationCount ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
  await sandbox.advance(240_000);
  await expect.poll(async () => (await newest())?.share?.outsideJurisdiction, { timeout: 20_000 }).toBe(true);
  await sandbox.endCall(phone);
  await sandbox.advance(11 * 60_000); // LEI forgets a caller ~10 minutes after the call ends
  await expect.poll(async () => (await newest())?.status, { timeout: 30_000 }).toBe("ended");
  const call = (await newest())!;

  await reviewList.goto(`shared=1&phone=${phone}`);
  const row = reviewList.row(call.id);
  await expect(row).toContainText("Data Share");
  await expect(row).toContainText("sandbox-ecc-allegheny-county");
  await expect(row).toContainText("Outside");
  await row.getByRole("link").click();
  await callReview.waitForMap();
  await expect(callReview.rows).toHaveCount(call.locationCount);
  await expect(page.getByTestId("share-details")).toContainText("sandbox-ecc-allegheny-county");
  await expect(page.getByTestId("share-outside")).toContainText("Outside this center's jurisdiction");
  await expect(callReview.map).toHaveAttribute("data-jurisdiction", "-80.02,40.43,-79.98,40.45");
  await expect(callReview.rows.filter({ hasText: "outside" }).first()).toBeVisible();
  await expect(callReview.rows.filter({ hasNotText: "outside" }).first()).toBeVisible();

  for (const theme of ["dark", "light"] as const) {
    await context.addCookies([{ name: "dm-theme", value: theme, url: baseURL! }]);
    await reviewList.goto();
    await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
    await page.screenshot({ path: SHOT(`list-${theme}`), fullPage: true });
    await page.goto(`/review/${call.id}`);
    await callReview.waitForMap();
    await expect(callReview.nearest.getByRole("listitem").first()).toBeVisible();
    await callReview.waitForMapIdle();
    await callReview.timeline.focus();
    await page.keyboard.press("PageUp");
    await expect(callReview.selectedRow).toHaveAttribute("data-index", String(Math.max(0, call.locationCount - 11)));
    await callReview.expectCentredOn(await callReview.rowPoint(Math.max(0, call.locationCount - 11)));
    await callReview.waitForMapIdle();
    await page.waitForTimeout(500); // symbols fade in and out after the data changes
    await page.screenshot({ path: SHOT(`call-${theme}`), fullPage: true });
  }
});
