import { asRole, expect, test } from "./fixtures";

const SHOT = (name: string) => `test-results/screenshots/settings-${name}.png`;
const RAPIDSOS = "RapidSOS (OAuth + LEI)";
const AXON = "Axon (device state)";
/** The sandbox's own credentials (README): configured, so they must be shown only as "set". */
const SECRETS = ["sandbox-rapidsos-secret", "sandbox-axon-secret", "sandbox-datashare-secret"];

test.describe("as the admin", () => {
  test.use(asRole("admin"));

  test.afterEach(async ({ sandbox }) => {
    await sandbox.clearFaults();
  });

  test("shows the connections with secrets only as set, and tests each upstream", async ({ page, settingsPage }) => {
    await settingsPage.goto();
    await expect(page.getByTestId("config-notice")).toContainText("restart");
    await expect(page.getByTestId("sandbox-state")).toHaveAttribute("data-sandbox", "on");
    await expect(settingsPage.setting("RAPIDSOS_CLIENT_ID")).toContainText("sandbox-rapidsos-client");
    for (const variable of ["RAPIDSOS_CLIENT_SECRET", "AXON_CLIENT_SECRET"]) {
      await expect(settingsPage.setting(variable).locator("[data-secret]")).toHaveText(/^\W*set$/);
    }
    await expect(settingsPage.setting("DATASHARE_SECRETS")).toContainText("1 configured");
    await expect(settingsPage.setting("DISPLAY_CONFIDENCE")).toContainText("90%");
    await expect(settingsPage.setting("DATABASE_URL")).toContainText("embedded PGlite");
    const html = await page.content();
    for (const secret of SECRETS) expect(html).not.toContain(secret);

    const lei = await settingsPage.testConnection(RAPIDSOS);
    await expect(lei).toHaveAttribute("data-ok", "true");
    await expect(lei).toContainText("Connected.");
    await expect(settingsPage.upstream(RAPIDSOS).getByTestId("upstream-health")).toHaveAttribute("data-ok", "true");
    const axon = await settingsPage.testConnection(AXON);
    await expect(axon).toHaveAttribute("data-ok", "true");
    await expect(axon).toContainText(/device search \(\d+ devices visible\)/);
  });

  test("a failing upstream is reported in words, without a secret, and both tests are audited", async ({ page, settingsPage, sandbox }) => {
    await settingsPage.goto();
    await sandbox.fault("axon", "500", 3);
    const result = await settingsPage.testConnection(AXON);
    await expect(result).toHaveAttribute("data-ok", "false");
    await expect(result).toContainText("Failed at the request step. Axon is having a problem and could not answer.");
    await expect(settingsPage.upstream(AXON).getByTestId("upstream-health")).toContainText("HTTP 500");
    const html = await page.content();
    for (const secret of SECRETS) expect(html).not.toContain(secret);
    await sandbox.clearFaults();
    await expect(await settingsPage.testConnection(RAPIDSOS)).toHaveAttribute("data-ok", "true");

    await page.goto("/audit?action=admin.upstream_test");
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows.filter({ hasText: "failure" }).first()).toContainText("axon");
    await expect(rows.filter({ hasText: "success" }).first()).toContainText("admin@sandbox.local");
  });

  for (const theme of ["dark", "light"] as const) {
    test(`settings page in the ${theme} theme`, async ({ page, context, settingsPage, baseURL }) => {
      await context.addCookies([{ name: "dm-theme", value: theme, url: baseURL! }]);
      await settingsPage.goto();
      await settingsPage.testConnection(RAPIDSOS);
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      await page.screenshot({ path: SHOT(theme), fullPage: true });
    });
  }
});

test.describe("as a supervisor", () => {
  test.use(asRole("supervisor"));

  test("settings and the connection test are not available", async ({ page }) => {
    await page.goto("/admin/settings");
    await expect(page.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
    expect((await page.request.post("/api/admin/upstreams/axon/test")).status()).toBe(403);
  });
});
