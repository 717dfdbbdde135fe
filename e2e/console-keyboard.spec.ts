import { mkdirSync } from "node:fs";
import { asRole, expect, test } from "./fixtures";

test.use(asRole("telecommunicator"));

test.beforeEach(async ({ sandbox, consolePage }) => {
  await sandbox.resetPaused();
  await consolePage.closeMyCalls();
  await consolePage.goto();
});

test("keyboard first: / to search, Enter to find, f to follow, arrows and Enter in lists, Esc to clear", async ({ consolePage, page }) => {
  const { search, calls, nearest, deviceDetails, callerDetails } = consolePage;
  const follow = page.getByTestId("follow-toggle");

  await page.keyboard.press("/");
  await expect(search).toBeFocused();
  await page.keyboard.type("412 555 0102");
  await page.keyboard.press("Enter");
  // The found call is selected and the call list takes the keyboard.
  await expect(calls).toBeFocused();
  await expect(consolePage.selectedCall).toHaveAttribute("data-phone", "14125550102");

  await page.keyboard.press("/");
  await expect(search).toBeFocused();
  await page.keyboard.type("4125550101");
  await page.keyboard.press("Enter");
  await expect(consolePage.selectedCall).toHaveAttribute("data-phone", "14125550101");
  await expect(calls).toBeFocused();

  await page.keyboard.press("f");
  await expect(follow).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("f");
  await expect(follow).toHaveAttribute("aria-pressed", "false");

  // Arrows move through the list; Enter selects the row under the keyboard.
  const other = calls.locator("[role=option][data-phone='14125550102']");
  const otherId = await other.getAttribute("id");
  for (let i = 0; i < 3 && (await calls.getAttribute("aria-activedescendant")) !== otherId; i++) {
    await page.keyboard.press("ArrowDown");
  }
  if ((await calls.getAttribute("aria-activedescendant")) !== otherId) await page.keyboard.press("ArrowUp");
  await expect(calls).toHaveAttribute("aria-activedescendant", otherId ?? "");
  await page.keyboard.press("Enter");
  await expect(other).toHaveAttribute("aria-selected", "true");
  await expect(callerDetails).toHaveAttribute("data-call-id", (await other.getAttribute("data-call-id")) ?? "");

  // Nearest officers: into the list, down twice, Enter shows that officer on the map.
  await nearest.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const active = nearest.locator(`[id="${await nearest.getAttribute("aria-activedescendant")}"]`);
  const deviceId = await active.getAttribute("data-device-id");
  await page.keyboard.press("Enter");
  await expect(deviceDetails).toHaveAttribute("data-device-id", deviceId ?? "");

  // Esc peels one layer at a time: the device, then the caller.
  await page.keyboard.press("Escape");
  await expect(deviceDetails).toHaveCount(0);
  await expect(callerDetails).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(callerDetails).toHaveCount(0);
  await expect(calls.getByRole("option", { selected: true })).toHaveCount(0);
});

test("every control is labelled", async ({ consolePage, page }) => {
  await consolePage.find("412-555-0101");
  await expect(consolePage.selectedCall).toBeVisible();
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("main button, aside button, aside input, [role=listbox]")]
      .filter((el) => {
        const input = el as HTMLInputElement;
        const hasLabel = (input.labels?.length ?? 0) > 0 || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby");
        return !hasLabel && (el.textContent ?? "").trim() === "";
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  expect(unlabelled).toEqual([]);
});

test("screenshots of the console in both themes", async ({ consolePage, page }) => {
  mkdirSync("e2e/screenshots", { recursive: true });
  // MapLibre reports a bad layer spec or a missing glyph as a console error, not a thrown one.
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
  });
  await consolePage.find("(412) 555-0102");
  await expect(consolePage.selectedCall).toHaveAttribute("data-phone", "14125550102");
  await consolePage.find("412-555-0101");
  await expect(consolePage.selectedCall).toHaveAttribute("data-phone", "14125550101");
  await consolePage.nearest.getByRole("option").first().click();
  await expect(consolePage.deviceDetails).toBeVisible();
  await expect.poll(() => consolePage.map.getAttribute("data-center")).not.toBeNull();
  await consolePage.waitForMapIdle();
  await consolePage.screenshot("console-dark");

  await page.getByRole("button", { name: "Light theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await expect(consolePage.map).toHaveAttribute("data-theme-name", "light");
  await expect(consolePage.map).toHaveAttribute("data-map-ready", "true");
  // The layers came back on the new style: the selected device's details and the caller are still there.
  await expect(consolePage.deviceDetails).toBeVisible();
  await consolePage.waitForMapIdle();
  await consolePage.screenshot("console-light");
  expect(errors).toEqual([]);
});
