import { asRole, DEMO_PASSWORD, DEMO_ROLES, demoEmail, expect, signInFresh, test, type DemoRole } from "./fixtures";

const FORBIDDEN = "Not available to your role";
const SHOT = (name: string) => `test-results/screenshots/auth-${name}.png`;

/** What each role may open, and what it must not. */
const MAY_SEE: Record<DemoRole, { console: boolean; audit: boolean; users: boolean }> = {
  telecommunicator: { console: true, audit: false, users: false },
  supervisor: { console: true, audit: true, users: false },
  admin: { console: true, audit: true, users: true },
};

for (const role of DEMO_ROLES) {
  test.describe(`as the demo ${role}`, () => {
    test.use(asRole(role));

    test(`sees what a ${role} may see and nothing else`, async ({ page }) => {
      const may = MAY_SEE[role];
      await page.goto("/");
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByTestId("signed-in-user")).toContainText(demoEmail(role));
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link", { name: "Audit" })).toHaveCount(may.audit ? 1 : 0);
      await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(may.users ? 1 : 0);

      await page.goto("/audit");
      if (may.audit) {
        await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();
        await expect(page.getByRole("table")).toBeVisible();
      } else {
        await expect(page.getByRole("heading", { name: FORBIDDEN })).toBeVisible();
        await expect(page.getByRole("table")).toHaveCount(0);
      }
      await page.screenshot({ path: SHOT(`${role}-audit`), fullPage: true });

      await page.goto("/admin");
      await expect(page).toHaveURL(/\/admin\/users$/);
      if (may.users) {
        await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
        for (const r of DEMO_ROLES) await expect(page.getByTestId(`user-${demoEmail(r)}`)).toBeVisible();
      } else {
        await expect(page.getByRole("heading", { name: FORBIDDEN })).toBeVisible();
        await expect(page.getByText("admin@sandbox.local")).toHaveCount(role === "admin" ? 1 : 0);
      }
      await page.screenshot({ path: SHOT(`${role}-users`), fullPage: true });
    });
  });
}

test.describe("signed out", () => {
  test("in sandbox mode the sign-in page lists the demo accounts, their roles and the password", async ({ page, signInPage }) => {
    await signInPage.goto();
    const demo = page.getByRole("region", { name: "Demo accounts" });
    const rows = demo.getByRole("row").filter({ has: page.getByRole("cell") });
    await expect(rows).toHaveCount(DEMO_ROLES.length);
    for (const role of DEMO_ROLES) {
      await expect(rows.filter({ hasText: demoEmail(role) }).getByRole("cell").first()).toHaveText(role);
    }
    await expect(demo.getByTestId("demo-password")).toHaveText(DEMO_PASSWORD);
  });

  test("protected pages send you to sign in, and back afterwards", async ({ page }) => {
    await page.goto("/audit");
    await expect(page).toHaveURL(/\/signin\?next=%2Faudit$/);
    await signInFresh(page, demoEmail("supervisor"), undefined, "/audit");
    await expect(page).toHaveURL(/\/audit$/);
  });

  test("a failed sign-in shows one clear message that does not say whether the account exists", async ({ page, signInPage }) => {
    await signInPage.goto();
    await page.screenshot({ path: SHOT("signin"), fullPage: true });
    await signInPage.signIn("nobody@sandbox.local", "not a real password");
    await expect(signInPage.error).toContainText("Sign-in failed.");
    const unknownAccount = await signInPage.error.textContent();
    await page.screenshot({ path: SHOT("signin-failed"), fullPage: true });

    await signInPage.goto();
    await signInPage.signIn(demoEmail("telecommunicator"), "wrong password here");
    await expect(signInPage.error).toContainText("Sign-in failed.");
    expect(await signInPage.error.textContent()).toBe(unknownAccount);
    expect(unknownAccount).not.toMatch(/exist|unknown|locked|disabled/i);
    await expect(page).toHaveURL(/\/signin/);
  });

  test("sign-out ends the session", async ({ page }) => {
    await signInFresh(page, demoEmail("telecommunicator"));
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByRole("status")).toHaveText("You have signed out.");
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin/);
    expect((await page.request.post("/api/session/activity")).status()).toBe(401);
  });
});

test.describe("admin pages", () => {
  test.use(asRole("admin"));

  test("an admin adds an account, the person signs in, the admin disables it", async ({ page, browser }) => {
    const email = `dana.${Date.now()}@ecc.test`;
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "Add an account" });
    await form.getByLabel("E-mail").fill(email);
    await form.getByLabel("Name").fill("Dana Dispatcher");
    await form.getByLabel("Role").selectOption("supervisor");
    await form.getByLabel(/First password/).fill("dana's first password");
    await form.getByRole("button", { name: "Add account" }).click();
    await expect(form.getByRole("status")).toContainText(`Account ${email} created.`);
    const row = page.getByTestId(`user-${email}`);
    await expect(row).toContainText("active");
    await expect(row.getByLabel(`Role for ${email}`)).toHaveValue("supervisor");

    const other = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    await signInFresh(other, email, "dana's first password");
    await other.goto("/audit");
    await expect(other.getByRole("heading", { name: "Audit trail" })).toBeVisible();

    await row.getByRole("button", { name: `Disable ${email}` }).click();
    await expect(row).toContainText("disabled");
    await page.screenshot({ path: SHOT("admin-users-after"), fullPage: true });
    await other.reload();
    await expect(other).toHaveURL(/\/signin/);
    await other.context().close();
  });
});

test.describe("audit page", () => {
  test.use(asRole("supervisor"));

  test("filters the trail and exports exactly the filtered rows as CSV", async ({ page }) => {
    await page.goto("/audit");
    await page.getByLabel("Action").selectOption("auth.signin");
    await page.getByLabel("User (e-mail contains)").fill("supervisor@");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/action=auth.signin/);
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows.nth(1)).toContainText("auth.signin");
    const count = (await rows.count()) - 1;
    for (let i = 1; i <= count; i++) await expect(rows.nth(i)).toContainText("supervisor@sandbox.local");
    await page.screenshot({ path: SHOT("audit-filtered"), fullPage: true });

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export these rows as CSV" }).click();
    const file = await download;
    const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
    const lines = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^id,at_utc,/);
    expect(lines.length - 1).toBe(count);
    expect(lines.slice(1).every((l) => l.includes("auth.signin") && l.includes("supervisor@sandbox.local"))).toBe(true);
  });
});
