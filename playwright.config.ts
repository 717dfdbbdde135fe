import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./testing/chromium";

// Test tooling, not the app: the app's own configuration lives in lib/config/env.ts.
// Every server (the snapshot in global setup, one per worker) listens on a free port of 127.0.0.1.

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // A fresh snapshot database with the demo accounts signed in; each worker's server starts from a copy.
  globalSetup: "./e2e/global-setup.ts",
  // Files run in parallel, each worker against its own server (see e2e/fixtures.ts); a file's tests in order.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  // Two workers share two cores with their servers and software-rendered maps: room for a busy moment.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    // DOM snapshots and network, without a screencast: recording frames of a software-WebGL map costs CPU in every test.
    trace: { mode: "retain-on-failure", screenshots: false },
    // The console honours reduced motion (no symbol fades, the camera jumps instead of flying): each
    // map change is one software-rendered frame instead of dozens, and nothing waits for a flight.
    reducedMotion: "reduce",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } },
    },
  ],
});
