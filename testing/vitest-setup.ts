/**
 * Runs in each Vitest worker before each test file. testing/app-server.ts also serves Playwright and
 * the benchmarks, so it cannot ask Vitest for the run's migrated PGlite folder: it reads it here.
 */
import { inject } from "vitest";
import { PGLITE_TEMPLATE_ENV } from "./app-server";

process.env[PGLITE_TEMPLATE_ENV] = inject("pgliteTemplateDir");
