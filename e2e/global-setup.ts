/**
 * Once per run: make the snapshot every worker's server starts from. A fresh server migrates an
 * empty database and creates the demo accounts; each role signs in through the real sign-in form
 * and its browser state is kept. The server is stopped before the folder is copied, so each copy
 * holds those sessions (and the auth secret that signs their cookies): every spec starts signed
 * in, on a server of its own. Cookies are scoped to the host, not the port, so a state signed in
 * on the snapshot server is valid on every worker's server.
 */
import fs from "node:fs";
import { chromium, type FullConfig } from "@playwright/test";
import { startApp } from "../testing/app-server";
import { AUTH_DIR, DEMO_PASSWORD, DEMO_ROLES, E2E_DATA, SNAPSHOT_DIR, demoEmail, SignInPage, storageStatePath } from "./fixtures";

export default async function globalSetup(config: FullConfig): Promise<void> {
  fs.rmSync(E2E_DATA, { recursive: true, force: true });
  fs.mkdirSync(SNAPSHOT_DIR, { recursive: true });
  fs.mkdirSync(AUTH_DIR, { recursive: true });
  const server = await startApp({}, { dataDir: SNAPSHOT_DIR });
  const browser = await chromium.launch(config.projects[0]?.use.launchOptions);
  try {
    await Promise.all(
      DEMO_ROLES.map(async (role) => {
        const context = await browser.newContext({ baseURL: server.url });
        const page = await context.newPage();
        const signIn = new SignInPage(page);
        await signIn.goto();
        await signIn.signIn(demoEmail(role), DEMO_PASSWORD);
        // The session cookie is set by then; the console behind it need not finish loading.
        await page.waitForURL((url) => url.pathname !== "/signin", { waitUntil: "commit" });
        await context.storageState({ path: storageStatePath(role) });
        await context.close();
      }),
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}
