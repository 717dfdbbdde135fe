/**
 * Every e2e fixture comes from here. Specs import `test` and `expect` from this file, not from
 * @playwright/test, and sign in by role with `test.use(asRole("supervisor"))` (the stored
 * session from global-setup.ts) or `openAs("admin")` for a second, independent browser.
 *
 * Each worker runs its own app server (own sandbox, clock and database, copied from the snapshot
 * global setup made), so spec files run in parallel without seeing each other's resets and faults.
 */
import fs from "node:fs";
import path from "node:path";
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { startApp, type RunningApp } from "../testing/app-server";
import { ConsolePage } from "./pages/console-page";
import { PortalPage } from "./pages/portal-page";
import { CallReviewPage, ReviewListPage } from "./pages/review-page";
import { SandboxControl } from "./pages/sandbox-control";
import { SettingsPage } from "./pages/settings-page";

export { expect };

export const DEMO_PASSWORD = "sandbox-demo";
export const DEMO_ROLES = ["telecommunicator", "supervisor", "admin"] as const;
export type DemoRole = (typeof DEMO_ROLES)[number];
export const demoEmail = (role: DemoRole) => `${role}@sandbox.local`;

/** Every e2e data folder lives under here (git-ignored); global setup empties it at the start of a run. */
export const E2E_DATA = path.join(__dirname, "..", ".test-data", "e2e");
/** The database and auth secret every worker's server starts from: demo accounts signed in. */
export const SNAPSHOT_DIR = path.join(E2E_DATA, "snapshot");
export const AUTH_DIR = path.join(__dirname, ".auth");
/** Where global-setup.ts keeps each role's signed-in browser state. */
export const storageStatePath = (role: DemoRole) => path.join(AUTH_DIR, `${role}.json`);

/** `test.use(asRole("admin"))`: every test in the file starts signed in as that demo role. */
export const asRole = (role: DemoRole) => ({ storageState: storageStatePath(role) });

/** The sign-in page as a user sees it. */
export class SignInPage {
  constructor(readonly page: Page) {}

  async goto(next?: string) {
    await this.page.goto(next ? `/signin?next=${encodeURIComponent(next)}` : "/signin");
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel("E-mail").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  /** The form's own alert (Next adds an empty route announcer with role=alert elsewhere on the page). */
  get error() {
    return this.page.locator("form").getByRole("alert");
  }

  get notice() {
    return this.page.getByRole("status");
  }
}

/** Sign in through the form in a fresh page and wait until the app lets us in. */
export async function signInFresh(page: Page, email: string, password = DEMO_PASSWORD, next?: string) {
  const signIn = new SignInPage(page);
  await signIn.goto(next);
  await signIn.signIn(email, password);
  await page.waitForURL((url) => url.pathname !== "/signin");
}

async function openPage(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStatePath(role) });
  return context.newPage();
}

interface WorkerFixtures {
  /** This worker's app server, started on a copy of the snapshot database. */
  appServer: RunningApp;
}

interface Fixtures {
  signInPage: SignInPage;
  /** A separate browser context already signed in as `role` (closed after the test). */
  openAs: (role: DemoRole) => Promise<Page>;
  /** The live console at `/` (page object; does not navigate by itself). */
  consolePage: ConsolePage;
  /** The sandbox control API: reset, clock, faults, calls. */
  sandbox: SandboxControl;
  /** The sandbox RapidSOS Portal in its own browser context (no session: it is another company's site). */
  openPortal: () => Promise<PortalPage>;
  /** `/review` and `/review/<id>` (page objects; they do not navigate by themselves). */
  reviewList: ReviewListPage;
  callReview: CallReviewPage;
  /** `/admin/settings` (page object). */
  settingsPage: SettingsPage;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  appServer: [
    async ({}, use, workerInfo) => {
      // parallelIndex is reused when a worker restarts after a failure: a fresh copy each time.
      const n = workerInfo.parallelIndex;
      const dataDir = path.join(E2E_DATA, `worker-${n}`);
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.cpSync(SNAPSHOT_DIR, dataDir, { recursive: true });
      const server = await startApp({}, { dataDir });
      await use(server);
      await server.stop();
    },
    { scope: "worker", timeout: 150_000 },
  ],
  baseURL: async ({ appServer }, use) => {
    await use(appServer.url);
  },
  signInPage: async ({ page }, use) => {
    await use(new SignInPage(page));
  },
  openAs: async ({ browser }, use) => {
    const pages: Page[] = [];
    await use(async (role) => {
      const page = await openPage(browser, role);
      pages.push(page);
      return page;
    });
    await Promise.all(pages.map((p) => p.context().close()));
  },
  consolePage: async ({ page }, use) => {
    await use(new ConsolePage(page));
  },
  sandbox: async ({ request }, use) => {
    await use(new SandboxControl(request));
  },
  openPortal: async ({ browser }, use) => {
    const pages: Page[] = [];
    await use(async () => {
      const page = await (await browser.newContext()).newPage();
      pages.push(page);
      const portal = new PortalPage(page);
      await portal.goto();
      return portal;
    });
    await Promise.all(pages.map((p) => p.context().close()));
  },
  reviewList: async ({ page }, use) => {
    await use(new ReviewListPage(page));
  },
  callReview: async ({ page }, use) => {
    await use(new CallReviewPage(page));
  },
  settingsPage: async ({ page }, use) => {
    await use(new SettingsPage(page));
  },
});
