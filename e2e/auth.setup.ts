import { DEMO_ROLES, demoEmail, signInFresh, storageStatePath, test } from "./fixtures";

// One signed-in browser state per demo role, through the real sign-in form; other specs reuse them.
for (const role of DEMO_ROLES) {
  test(`sign in as the demo ${role}`, async ({ page }) => {
    await signInFresh(page, demoEmail(role));
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
