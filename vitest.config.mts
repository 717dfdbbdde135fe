import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "testing/empty-module.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["{app,components,lib,sandbox,testing,tools,bench}/**/*.test.{ts,tsx}"],
    exclude: ["node_modules", ".next", "e2e"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // PGlite instances and app servers are heavy on two cores: keep parallelism modest.
    maxWorkers: 2,
    // One migrated PGlite made per run; every test database and app server starts from a copy.
    globalSetup: ["testing/pglite-template.ts"],
    setupFiles: ["testing/vitest-setup.ts"],
  },
});
