/**
 * The console at 2,000 body cameras: its own production server (SANDBOX_DEVICES=2000, a free port),
 * signed in through the form. The device list is virtual:
 * it says how many it holds, renders a window of rows that keep their data attributes and their
 * place (aria-posinset/setsize), filters and searches all 2,000, and a camera far down the list is
 * reached by keyboard and framed on the map.
 */
import type { DevicesResponse } from "@/lib/axon/types";
import { DEMO_PASSWORD, SignInPage, demoEmail, expect, test } from "./fixtures";
import { ConsolePage } from "./pages/console-page";
import { startApp, type RunningApp } from "../testing/app-server";

const DEVICES = 2000;
let app: RunningApp;

test.describe.configure({ mode: "serial", timeout: 120_000 });
test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  app = await startApp({ SANDBOX_DEVICES: String(DEVICES), AXON_PAGE_SIZE: "2000" });
});

test.afterAll(async () => {
  await app?.stop();
});

test("2,000 cameras: filter, search, and a camera far down the list selected by keyboard and framed", async ({ page }) => {
  // This server is not the project's baseURL, so sign in on it through its own form.
  const signIn = new SignInPage(page);
  await page.goto(`${app.url}/signin`);
  await signIn.signIn(demoEmail("telecommunicator"), DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname !== "/signin");
  const consolePage = new ConsolePage(page);
  await expect(consolePage.map).toHaveAttribute("data-map-ready", "true", { timeout: 60_000 });
  const list = consolePage.devices;
  await expect(list).toHaveAttribute("data-count", String(DEVICES), { timeout: 60_000 });

  // Virtual: a window of rows, each saying where it sits in the whole list.
  const rendered = await list.getByRole("option").count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(150);
  await expect(list.getByRole("option").first()).toHaveAttribute("aria-setsize", String(DEVICES));
  await expect(list.getByRole("option").first()).toHaveAttribute("aria-posinset", "1");

  // The status filters apply to all 2,000.
  const { devices } = (await (await page.request.get(`${app.url}/api/devices`)).json()) as DevicesResponse;
  const docked = devices.filter((d) => d.status === "docked").length;
  expect(docked).toBeGreaterThan(0);
  await page.getByRole("group", { name: "Show devices by status" }).getByText("Docked").click();
  await expect(list).toHaveAttribute("data-count", String(DEVICES - docked));
  await expect(list.locator('[role=option][data-status="docked"]')).toHaveCount(0);
  await page.getByRole("group", { name: "Show devices by status" }).getByText("Docked").click();
  await expect(list).toHaveAttribute("data-count", String(DEVICES));

  // Search reaches any camera by badge without scrolling: one far down the roster.
  const target = devices.slice(1500).find((d) => d.officer && d.location && d.status === "buffering");
  if (!target?.officer || !target.location) throw new Error("no located, assigned camera past #1500");
  const search = page.getByLabel("Search devices by officer name, badge or serial");
  await search.fill(target.officer.badge);
  await expect(list.locator(`[role=option][data-device-id="${target.id}"]`)).toBeVisible();
  await search.fill("");
  await expect(list).toHaveAttribute("data-count", String(DEVICES));

  // Keyboard only: into the list, to its end, a few rows up, Enter.
  await list.focus();
  await page.keyboard.press("End");
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowUp");
  const active = list.locator("[role=option][data-active=true]");
  await expect(active).toHaveAttribute("aria-posinset", String(DEVICES - 3));
  await expect(active).toBeVisible();
  await expect(list).toHaveAttribute("aria-activedescendant", (await active.getAttribute("id")) ?? "");
  const lat = Number(await active.getAttribute("data-lat"));
  const lng = Number(await active.getAttribute("data-lng"));
  const id = await active.getAttribute("data-device-id");
  await page.keyboard.press("Enter");
  await expect(list.locator(`[role=option][data-device-id="${id}"]`)).toHaveAttribute("aria-selected", "true");
  await expect(consolePage.deviceDetails).toHaveAttribute("data-device-id", id ?? "");
  await consolePage.expectInView(lat, lng);
  // Framing flies there: wait for the flight to land rather than reading the zoom mid-air.
  await expect.poll(() => consolePage.zoom()).toBeGreaterThan(13);
  await page.screenshot({ path: "e2e/screenshots/console-scale-2000.png" });
});
