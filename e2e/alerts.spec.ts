/**
 * Central-station alerts end to end: the sandbox central station requests dispatch, every console
 * shows the alert with its SLA countdown, one console accepts or declines (RapidSOS holds the
 * answer), nobody answering times it out, and a supervisor reviews it afterwards.
 */
import { AlertsControl, AlertsPanel } from "./pages/alerts-page";
import { asRole, demoEmail, expect, test as base } from "./fixtures";

const test = base.extend<{ alerts: AlertsPanel; central: AlertsControl }>({
  alerts: async ({ page }, use) => {
    await use(new AlertsPanel(page));
  },
  central: async ({ request }, use) => {
    await use(new AlertsControl(request));
  },
});

test.use(asRole("telecommunicator"));

/**
 * The first alert a console opens costs its page about 1–2 s of main thread on a quiet machine
 * (WebGL programs linked for the alert's map layers, the console re-rendered around the selection).
 * These are the run's first tests, while both workers start their servers and consoles: twice in
 * CI the page's own timers stood still for ~10 s right after the click (its 3-s alert poll skipped
 * 14 s in the trace), and the details came a moment after a 10-s expectation gave up. The test
 * proves what the details show; how fast they show is for a benchmark on a quiet machine.
 */
const FIRST_OPEN = { timeout: 20_000 };

test.beforeEach(async ({ central }) => {
  await central.reset();
});

test("a new alert reaches the queue with a toast and a running SLA countdown; `a` opens it", async ({ alerts, central, page }) => {
  await alerts.open();
  const created = await central.create("fire", 300);
  const row = alerts.row(created.alert_id);
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute("data-alert-status", "DISPATCH_REQUESTED");
  await expect(alerts.toasts.getByRole("alert").filter({ hasText: "Fire" })).toBeVisible();
  const countdown = row.locator("[data-sla]");
  await expect(countdown).toHaveText(/SLA [45]:\d\d/);
  const first = Number(await countdown.getAttribute("data-sla-remaining-ms"));
  await expect.poll(async () => Number(await countdown.getAttribute("data-sla-remaining-ms"))).toBeLessThan(first - 1_000);
  await page.locator("body").press("a");
  await expect(alerts.details).toHaveAttribute("data-alert-id", created.alert_id);
  await expect(alerts.details.getByTestId("alert-location-basis")).toHaveText("Device fix ±8 m", FIRST_OPEN);
});

test("accepting on one console shows it accepted on every console and upstream; a second answer is told who was first", async ({ alerts, central, openAs }) => {
  await alerts.open();
  const other = new AlertsPanel(await openAs("telecommunicator"));
  await other.open();
  const created = await central.create("burglary", 300);
  // Seen once in four full runs on a busy machine: the second console got it after more than 10 s.
  // The runner's list catch-up (every 5 s while its socket is down) bounds it; allow for that.
  await expect(other.row(created.alert_id)).toBeVisible({ timeout: 20_000 });
  await alerts.row(created.alert_id).click();
  await expect(alerts.details.getByTestId("alert-location-basis")).toContainText("not a device fix", FIRST_OPEN);
  await alerts.details.getByRole("button", { name: "Accept" }).click();
  await expect(alerts.row(created.alert_id)).toHaveAttribute("data-alert-status", "ACCEPTED");
  await expect(other.row(created.alert_id)).toHaveAttribute("data-alert-status", "ACCEPTED");
  expect((await central.upstream(created.alert_id)).status.name).toBe("ACCEPTED");

  const second = await other.page.request.post(`/api/alerts/${created.alert_id}/decision`, { data: { action: "decline", reason: "No units" } });
  expect(second.status()).toBe(409);
  expect(((await second.json()) as { detail: string }).detail).toContain(`Accepted by ${demoEmail("telecommunicator")}`);

  await alerts.details.getByRole("button", { name: "On scene" }).click();
  await expect.poll(async () => (await central.upstream(created.alert_id)).disposition?.name).toBe("ON_SCENE");
  await other.row(created.alert_id).click();
  await expect(other.details.getByTestId("alert-detail-status")).toContainText("On Scene");
});

test("declining sends the reason to RapidSOS", async ({ alerts, central }) => {
  await alerts.open();
  const created = await central.create("crash", 300);
  await alerts.row(created.alert_id).click();
  await expect(alerts.details.getByTestId("alert-location-basis")).toHaveText(/uncertainty unknown \(no circle\)/);
  await alerts.details.getByRole("button", { name: "Decline…" }).click();
  await alerts.details.getByLabel(/Reason sent to the central station/).fill("Outside our area: call County B");
  await alerts.details.getByRole("button", { name: "Send decline" }).click();
  await expect(alerts.row(created.alert_id)).toHaveAttribute("data-alert-status", "DECLINED");
  const upstream = await central.upstream(created.alert_id);
  expect(upstream).toMatchObject({ status: { name: "DECLINED" }, decline_reason: "Outside our area: call County B" });
});

test("an alert nobody answers times out at its SLA", async ({ alerts, central }) => {
  await alerts.open();
  const created = await central.create("mpers", 4);
  const row = alerts.row(created.alert_id);
  await expect(row.locator("[data-sla]")).toBeVisible();
  await expect(row).toHaveAttribute("data-alert-status", "TIMEOUT", { timeout: 15_000 });
  await expect(row.locator("[data-sla]")).toHaveCount(0);
});

test.describe("review", () => {
  test.use(asRole("supervisor"));

  test("a decided alert stays reviewable with who decided it, and exports", async ({ central, openAs, page }) => {
    const created = await central.create("fire", 300);
    const tc = await openAs("telecommunicator");
    await expect.poll(async () => (await tc.request.get(`/api/alerts/${created.alert_id}`)).status()).toBe(200);
    const res = await tc.request.post(`/api/alerts/${created.alert_id}/decision`, { data: { action: "accept" } });
    expect(res.status()).toBe(200);
    await page.goto("/review/alerts");
    await page.getByRole("table", { name: "Alerts" }).locator(`[data-alert-id="${created.alert_id}"]`).getByRole("link").click();
    await expect(page.getByTestId("review-decided-by")).toContainText(`Accepted by ${demoEmail("telecommunicator")}`);
    await expect(page.getByRole("list", { name: "Alert timeline" })).toContainText("Status: Dispatch Requested");
    const csv = await page.request.get(`/api/review/alerts/${created.alert_id}/export?format=csv`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain("accept");
  });
});
