/**
 * Emergency WorkFlow end to end: a device or app fires a trigger from the sandbox Portal's panel;
 * the 911 call it starts reaches the console with its additional data as cards (flags at a glance,
 * an unknown section shown as sent); a later trigger moves the caller; an alert trigger creates a
 * central-station alert with its own additional data and then moves it. The sandbox clock is
 * driven, never slept on.
 */
import { AlertsPanel } from "./pages/alerts-page";
import { DevicePanelPage } from "./pages/device-panel";
import { asRole, expect, test } from "./fixtures";

/** The app's tracker and the console each poll every 3 s: data must show within that, twice, plus rendering. */
const WITHIN_A_POLL = 2 * 3_000 + 2_000;

test.use(asRole("telecommunicator"));

test.beforeEach(async ({ sandbox, consolePage }) => {
  // Each test opens the console (software WebGL) and the Portal in two browsers on a shared 2-core machine.
  test.slow();
  await sandbox.resetPaused();
  await consolePage.closeMyCalls();
  await consolePage.goto();
});

test("a Data Connect trigger from the Portal's panel puts the caller on the console with additional-data cards", async ({ consolePage, openPortal, openAs }) => {
  const device = new DevicePanelPage((await openPortal()).page);
  await device.trigger(/Data Connect/);
  await expect(device.answer).toContainText("HTTP 200 · code 0");
  await expect(device.answer).toContainText("+14125550201");
  // The device's call is a 911 call like any other: the Portal lists it, so it can be shared too.
  await expect(device.page.getByRole("radio", { name: "911 call from (412) 555-0201" })).toBeVisible();

  await consolePage.find("+1 412 555 0201");
  await expect(consolePage.selectedCall).toHaveAttribute("data-phone", "14125550201");
  const details = consolePage.callerDetails;
  await expect(details.getByTestId("caller-coordinates")).toContainText("40.439000, -79.996300");
  await expect(details.getByTestId("caller-uncertainty")).toContainText("±12 m");

  const cards = details.getByTestId("additional-data");
  // The flags that change a response sit under the caller's name, above the location.
  const flags = details.getByRole("list", { name: "Response flags" });
  await expect(flags).toBeVisible({ timeout: WITHIN_A_POLL });
  await expect(flags.getByRole("listitem")).toHaveText(["Do not resuscitate (DNR)", "Oxygen dependent"]);
  await expect(cards).toContainText("from CompanyABC Safety App");
  for (const name of ["Caller profile", "Medical", "Emergency contacts", "Vehicle", "Device or app"]) {
    await expect(cards.getByRole("article", { name })).toBeVisible();
  }
  // Sections the app does not know are shown, labelled from the data, never dropped.
  const crash = cards.getByRole("article", { name: "Crash telemetry" });
  await expect(crash).toContainText("shown as sent");
  await expect(crash).toContainText("Airbags deployed");
  await expect(cards.getByRole("article", { name: "Medical" })).toContainText("Speech impairednot sent");
  await expect(cards.getByRole("article", { name: "Emergency contacts" })).toContainText("Sam Whitfield");
  await consolePage.waitForMapIdle();
  await consolePage.screenshot("workflow-additional-data");
  await crash.scrollIntoViewIfNeeded();
  await consolePage.screenshot("workflow-additional-data-unknown-section");

  // Stored for review: a supervisor sees the same cards on the call's review page.
  const callId = await consolePage.selectedCall.getAttribute("data-call-id");
  const supervisor = await openAs("supervisor");
  await supervisor.goto(`/review/${callId}`);
  const reviewed = supervisor.getByTestId("additional-data");
  await expect(reviewed.getByRole("list", { name: "Response flags" }).getByRole("listitem")).toHaveText(["Do not resuscitate (DNR)", "Oxygen dependent"]);
  await expect(reviewed.getByRole("article", { name: "Crash telemetry" })).toBeVisible();
});

test("a voice trigger starts a call; a later trigger for the same number moves it", async ({ consolePage, openPortal, sandbox }) => {
  const device = new DevicePanelPage((await openPortal()).page);
  await device.trigger(/Connect to 9-1-1/);
  await expect(device.answer).toContainText("code 0");

  await consolePage.find("412-555-0202");
  const details = consolePage.callerDetails;
  await expect(details.getByTestId("caller-coordinates")).toContainText("40.444500, -79.953000");
  await expect(details.getByRole("list", { name: "Response flags" }).getByRole("listitem")).toHaveText(
    ["Deaf or hard of hearing", "Speech impaired", "Autism spectrum"],
    { timeout: WITHIN_A_POLL },
  );

  await sandbox.advance(20_000);
  await device.trigger(/Connect to 9-1-1/, { latitude: 40.446, longitude: -79.951 });
  await expect(device.answer).toContainText("Location updated");
  await expect(details.getByTestId("caller-coordinates")).toContainText("40.446000, -79.951000", { timeout: WITHIN_A_POLL });
});

test("malformed additional data: the card says what could not be shown, the rest of the call is unaffected", async ({ consolePage, openPortal, request }) => {
  const queued = await request.post("/sandbox/control/workflow/faults", { data: { kind: "malformed_additional_data" } });
  expect(queued.status()).toBe(201);
  const device = new DevicePanelPage((await openPortal()).page);
  // A number of its own: the voice test's call from 555-0202 may still be tracked by the app.
  await device.trigger(/Connect to 9-1-1/, { phone: "+14125550204" });
  await expect(device.answer).toContainText("code 0");

  await consolePage.find("412-555-0204");
  const details = consolePage.callerDetails;
  const unreadable = details.getByTestId("additional-data-unreadable");
  await expect(unreadable).toHaveText(/has no label and could not be shown/, { timeout: WITHIN_A_POLL });
  await expect(details.getByTestId("additional-data").getByRole("article", { name: "Medical" })).toContainText("Autism spectrum");
  await expect(details.getByTestId("caller-coordinates")).toContainText("40.444500, -79.953000");
});

test("an alert trigger creates a central-station alert on the console with its additional data, and a second one moves it", async ({ page, consolePage, openPortal, openAs }) => {
  const device = new DevicePanelPage((await openPortal()).page);
  await device.trigger(/alert_create_location_update/);
  await expect(device.answer).toContainText("created");
  const id = ((await device.answer.textContent()) ?? "").match(/id (alert-[0-9a-f-]+)/)?.[1];
  expect(id, "the answer names the alert").toBeTruthy();

  const alerts = new AlertsPanel(page);
  await expect(alerts.row(id!)).toBeVisible({ timeout: WITHIN_A_POLL });
  // What the panic app sent with it (RAD-E by alert_id), as cards in the alert's details.
  await alerts.row(id!).click();
  const cards = alerts.details.getByTestId("additional-data");
  await expect(cards.getByRole("article", { name: "Caller profile" })).toContainText("Jane Doe", { timeout: WITHIN_A_POLL });
  await expect(cards.getByRole("article", { name: "Vehicle" })).toContainText("Acura");
  await consolePage.waitForMapIdle();
  await consolePage.screenshot("alert-additional-data");

  await device.trigger(/alert_create_location_update/, { latitude: 40.4535, longitude: -79.9818 });
  await expect(device.answer).toContainText(`Alert ${id} location updated`);
  await expect
    .poll(async () => ((await (await page.request.get(`/api/alerts/${id}`)).json()) as { alert: { location: { point: { lat: number } | null } } }).alert.location.point?.lat, { timeout: WITHIN_A_POLL })
    .toBeCloseTo(40.4535, 4);

  // Kept for review with the alert: a supervisor sees the same cards (and the view is audited).
  const supervisor = await openAs("supervisor");
  await supervisor.goto(`/review/alerts/${id}`);
  await expect(supervisor.getByTestId("additional-data").getByRole("article", { name: "Vehicle" })).toContainText("Acura");
  const contexts = async () => {
    const audit = await supervisor.request.get(`/api/audit?action=additional_data.view`);
    const rows = ((await audit.json()) as { rows: { target: string; detail: { context?: string } }[] }).rows;
    return rows.filter((r) => r.target === `alert:${id}`).map((r) => r.detail.context);
  };
  await expect.poll(contexts).toEqual(expect.arrayContaining(["console", "review"]));
});

test("a deliberately bad trigger from the panel gets -2 naming the field", async ({ openPortal }) => {
  const device = new DevicePanelPage((await openPortal()).page);
  await device.sendBad("ten digit phone");
  await expect(device.answer).toContainText("HTTP 400 · code -2");
  await expect(device.answer).toContainText("variables.caller_info.phone_number has no country code");
});
