/**
 * The contract other teams' suites rely on (README: "Testing against Dispatcher Map"), used the way
 * they would use it: role and name locators, the documented data-* attributes and test ids, and the
 * sandbox control API over plain HTTP. No page object and no app import: if this file needs
 * anything else to pass, the README is wrong or the contract changed.
 */
import type { APIRequestContext } from "@playwright/test";
import { asRole, expect, test } from "./fixtures";

const CONTROL = "/sandbox/control";

async function control(request: APIRequestContext, path: string, data?: unknown) {
  const res = data === undefined ? await request.get(`${CONTROL}/${path}`) : await request.post(`${CONTROL}/${path}`, { data });
  expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return res.json();
}

/** Seed 911 with a stopped clock: the same three callers and 48 cameras every time. */
async function resetPaused(request: APIRequestContext) {
  await control(request, "reset", { seed: 911 });
  const clock = await control(request, "clock", { action: "pause" });
  expect(clock.paused).toBe(true);
  const scenario = await control(request, "scenario");
  expect(scenario.callers.map((c: { phone: string }) => c.phone)).toEqual(
    expect.arrayContaining(["14125550101", "14125550102", "14125550103"]),
  );
}

test("sign in with a demo account the sign-in page lists, find a caller, and watch the sandbox clock move it", async ({ page, request }) => {
  await resetPaused(request);

  await page.goto("/signin");
  const demo = page.getByRole("region", { name: "Demo accounts" });
  const email = (await demo.getByRole("row").filter({ hasText: "telecommunicator" }).getByRole("cell").nth(1).textContent()) ?? "";
  expect(email).toBe("telecommunicator@sandbox.local");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill((await demo.getByTestId("demo-password").textContent()) ?? "");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("signed-in-user")).toContainText(email);

  const map = page.getByRole("region", { name: "Map of callers and body cameras" });
  await expect(map).toHaveAttribute("data-map-ready", "true", { timeout: 30_000 });
  await expect(page.getByRole("listbox", { name: "Devices" }).getByRole("option").first()).toBeVisible({ timeout: 20_000 });

  await page.getByLabel(/find caller by phone/i).fill("412-555-0101");
  await page.getByLabel(/find caller by phone/i).press("Enter");
  const row = page.getByRole("listbox", { name: "Calls" }).getByRole("option", { selected: true });
  await expect(row).toHaveAttribute("data-phone", "14125550101");
  await expect(row).toHaveAttribute("data-freshness", "live");
  await expect(row).toHaveAttribute("data-circle", "converted");
  await expect(row).toHaveAttribute("data-confidence", "90");
  const radius = Number(await row.getAttribute("data-radius-m"));
  expect(Number.isInteger(radius) && radius > 0).toBe(true);
  const lat = Number(await row.getAttribute("data-lat"));
  const lng = Number(await row.getAttribute("data-lng"));

  const details = page.locator("section[aria-labelledby=caller-details-title]");
  await expect(details).toHaveAttribute("data-call-id", (await row.getAttribute("data-call-id")) ?? "");
  await expect(details.getByTestId("caller-uncertainty")).toContainText(`±${radius} m @ 90%`);
  await expect(details.getByTestId("caller-coordinates")).toContainText(`${lat.toFixed(6)}, ${lng.toFixed(6)}`);

  // The camera frames the caller: read it from the published bounds, polling while it animates.
  await expect
    .poll(async () => {
      const [w, s, e, n] = ((await map.getAttribute("data-bounds")) ?? "").split(",").map(Number);
      return lng > w! && lng < e! && lat > s! && lat < n!;
    }, { timeout: 15_000 })
    .toBe(true);

  // Nearest officers: ten, nearest first, in whole metres.
  const nearest = page.getByRole("listbox", { name: "Nearest officers" }).getByRole("option");
  await expect(nearest).toHaveCount(10);
  const distances = await nearest.evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-distance-m"))));
  expect(distances).toEqual([...distances].sort((a, b) => a - b));

  // Nothing moves until the test moves the clock; then the trail grows on the next poll.
  const trail = Number(await details.getAttribute("data-trail-count"));
  await control(request, "clock", { action: "advance", ms: 60_000 });
  await expect.poll(async () => Number(await details.getAttribute("data-trail-count")), { timeout: 20_000 }).toBeGreaterThan(trail);
});

test.describe("signed in from a stored state", () => {
  test.use(asRole("telecommunicator"));

  test("faults show the banner and keep the last data; a call shared from the Portal is announced; requests are counted; an alert is accepted", async ({ page, request }) => {
    await resetPaused(request);
    expect((await request.delete(`${CONTROL}/requests`)).ok()).toBe(true);
    await page.goto("/");
    await expect(page.getByRole("region", { name: "Map of callers and body cameras" })).toHaveAttribute("data-map-ready", "true", { timeout: 30_000 });
    const devices = page.getByRole("listbox", { name: "Devices" }).getByRole("option");
    await expect(devices.first()).toBeVisible({ timeout: 20_000 });
    const shown = await devices.count();
    await expect(devices.first()).toHaveAttribute("data-status", /^(recording|buffering|docked|offline|unknown)$/);

    await control(request, "faults", { upstream: "axon", kind: "500", count: 10_000, retryAfterSeconds: 1 });
    const banner = page.getByTestId("upstream-banner");
    await expect(banner.locator("li[data-upstream=devices]")).toContainText("Body-camera data unavailable", { timeout: 30_000 });
    await expect(page.locator("section[aria-labelledby=devices-heading]")).toHaveAttribute("data-stale", "true");
    await expect(devices).toHaveCount(shown);
    expect((await request.delete(`${CONTROL}/faults`)).ok()).toBe(true);
    await expect(banner).toBeHidden({ timeout: 30_000 });

    const counts = await control(request, "requests");
    expect(counts.axon.search).toBeGreaterThan(0);

    const { phone } = await control(request, "calls", { kind: "walking" });
    await control(request, "clock", { action: "advance", ms: 20_000 });
    const { attempts } = await control(request, "datashare", { phone });
    expect(attempts.map((a: { status: number }) => a.status)).toEqual([200]);
    const toast = page.getByRole("region", { name: "New shared calls" }).getByRole("alert").filter({ hasText: "Shared from RapidSOS Portal" });
    await expect(toast).toBeVisible();
    const callId = (await toast.getAttribute("data-call-id")) ?? "";
    const row = page.getByRole("listbox", { name: "Calls" }).locator(`[role=option][data-call-id="${callId}"]`);
    await expect(row).toHaveAttribute("data-phone", phone);
    await expect(row).toHaveAttribute("data-shared", "true");
    await toast.getByRole("button", { name: "Open call" }).click();
    await expect(row).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("region", { name: "Map of callers and body cameras" })).toHaveAttribute("data-jurisdiction", /^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/);

    // A central station raises an alert: it waits in the queue against its SLA until someone answers.
    const created = (await control(request, "alerts", { template: "fire", slaSeconds: 600 })) as { alert_id: string };
    const alertRow = page.getByRole("listbox", { name: "Alerts" }).locator(`[role=option][data-alert-id="${created.alert_id}"]`);
    await expect(alertRow).toHaveAttribute("data-alert-status", "DISPATCH_REQUESTED");
    await expect(alertRow).toHaveAttribute("data-emergency-type", "FIRE");
    await expect(alertRow.locator("[data-sla]")).toHaveAttribute("data-sla", "ok");
    await alertRow.click();
    const alert = page.getByRole("region", { name: "Alert details" });
    await expect(alert).toHaveAttribute("data-alert-id", created.alert_id);
    await expect(alert.getByTestId("additional-data")).toContainText("RapidSOS has sent no additional data for this alert.");
    await alert.getByRole("group", { name: "Alert actions" }).getByRole("button", { name: "Accept" }).click();
    await expect(alertRow).toHaveAttribute("data-alert-status", "ACCEPTED");
    await expect(alert.getByTestId("alert-decided-by")).toContainText("telecommunicator@sandbox.local");
    await expect(alert.getByRole("group", { name: "Disposition" }).getByRole("button", { name: "On scene" })).toBeVisible();
  });
});
