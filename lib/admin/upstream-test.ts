/**
 * "Test connection" for an upstream: a fresh token (a new token cache, so a cached token cannot
 * hide a revoked client) and one minimal request, through the same clients and error handling the
 * app uses. LEI: the latest location of a number no caller uses (RapidSOS answering "not found"
 * proves credentials and route). Axon: one device-search page of size 1. The result carries only
 * the app's own telecommunicator-readable wording, never a URL, token or secret.
 */
import "server-only";
import { AxonClient, NO_DEVICE_DATA_NOTICE } from "@/lib/axon/client";
import type { AppConfig } from "@/lib/config/env";
import { RapidsosClient } from "@/lib/rapidsos/client";
import { AlertsClient } from "@/lib/alerts/client";
import { log } from "@/lib/server/log";
import { isUpstreamError, UPSTREAM_LABEL, UpstreamError, type UpstreamName } from "@/lib/upstream/errors";
import { outcomeOfError, type HealthRegistry, type UpstreamHealth } from "@/lib/upstream/health";

/** Fictional (555-01xx is reserved for fiction) and outside the sandbox's 412 area code. */
export const PROBE_NUMBER = "12025550100";

export const UPSTREAM_NAMES = ["rapidsos", "axon", "alerts"] as const satisfies readonly UpstreamName[];

export interface UpstreamTestResult {
  upstream: UpstreamName;
  ok: boolean;
  /** Which step failed: getting a token, or the request made with it. */
  failedStep: "token" | "request" | null;
  /** A sentence for the admin, in the app's own wording. */
  detail: string;
  /** The short form the health registry keeps ("answered", "HTTP 500", "credentials refused"). */
  summary: string;
  /** The upstream's HTTP status on the last exchange, when it answered. */
  status: number | null;
  durationMs: number;
  at: string;
  /** The health registry after the test (the page's "last call"). */
  health: UpstreamHealth;
}

export interface UpstreamTestDeps {
  config: Pick<AppConfig, "rapidsos" | "axon" | "upstreamTimeoutMs"> & Partial<Pick<AppConfig, "alerts">>;
  health: HealthRegistry;
  now?: () => number;
}

class StepError extends Error {
  constructor(
    readonly step: "token" | "request",
    override readonly cause: unknown,
  ) {
    super(step);
  }
}

async function step<T>(name: "token" | "request", run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw new StepError(name, err);
  }
}

async function probeRapidsos(deps: UpstreamTestDeps): Promise<{ detail: string; summary: string; status: number }> {
  const client = new RapidsosClient({ ...deps.config.rapidsos, timeoutMs: deps.config.upstreamTimeoutMs, health: deps.health });
  await step("token", () => client.tokens.get());
  try {
    await step("request", () => client.lookup({ callerId: PROBE_NUMBER, limit: 1 }));
    return { detail: "RapidSOS issued a token and answered a location query.", summary: "answered", status: 200 };
  } catch (err) {
    const cause = err instanceof StepError ? err.cause : err;
    if (isUpstreamError(cause) && cause.kind === "not_found") {
      return {
        detail: "RapidSOS issued a token and answered a location query (no location for the test number, as expected).",
        summary: "answered: nothing found",
        status: 404,
      };
    }
    throw err;
  }
}

async function probeAxon(deps: UpstreamTestDeps): Promise<{ detail: string; summary: string; status: number }> {
  const client = new AxonClient({ ...deps.config.axon, timeoutMs: deps.config.upstreamTimeoutMs, health: deps.health });
  await step("token", () => client.tokens.get());
  const page = await step("request", () => client.searchPage(0, 1));
  // Scopes missing: Axon answers 200 without data. The connection works, the permission does not.
  if (page.data === undefined) {
    throw new StepError("request", new UpstreamError("axon", "rejected", { upstreamStatus: 200, detail: NO_DEVICE_DATA_NOTICE }));
  }
  const total = page.meta?.totalHits;
  return {
    detail: `Axon issued a token and answered a device search${total === undefined ? "" : ` (${total} device${total === 1 ? "" : "s"} visible)`}.`,
    summary: "answered",
    status: 200,
  };
}

async function probeAlerts(deps: UpstreamTestDeps): Promise<{ detail: string; summary: string; status: number }> {
  const config = deps.config.alerts;
  if (!config) throw new StepError("token", new UpstreamError("alerts", "rejected", { detail: "RapidSOS Alerts is not configured (ALERTS_BASE_URL)." }));
  const client = new AlertsClient({ ...config, timeoutMs: deps.config.upstreamTimeoutMs, health: deps.health });
  await step("token", () => client.tokens.get());
  const page = await step("request", () => client.list(Math.max(1, Date.now() - 3_600_000), 1));
  return { detail: `RapidSOS Alerts issued a token and answered the alert list (${page.alerts.length ? "alerts in the last hour" : "no alert in the last hour"}).`, summary: "answered", status: 200 };
}

export async function testUpstream(name: UpstreamName, deps: UpstreamTestDeps): Promise<UpstreamTestResult> {
  const now = deps.now ?? Date.now;
  const started = now();
  const finish = (ok: boolean, failedStep: UpstreamTestResult["failedStep"], detail: string, summary: string, status: number | null) => {
    // One reading of the clock, so the result and the health entry name the same moment.
    const at = new Date(now());
    deps.health.record(name, { ok, status, detail: summary }, at);
    return { upstream: name, ok, failedStep, detail, summary, status, durationMs: at.getTime() - started, at: at.toISOString(), health: deps.health.get(name) };
  };
  try {
    const result = await (name === "rapidsos" ? probeRapidsos(deps) : name === "alerts" ? probeAlerts(deps) : probeAxon(deps));
    return finish(true, null, result.detail, result.summary, result.status);
  } catch (err) {
    const failedStep = err instanceof StepError ? err.step : "request";
    const cause = err instanceof StepError ? err.cause : err;
    if (!isUpstreamError(cause)) log().error({ err: cause, upstream: name }, "upstream connection test failed internally");
    const outcome = outcomeOfError(cause);
    const detail = isUpstreamError(cause)
      ? cause.detail
      : `${UPSTREAM_LABEL[name]} could not be tested: internal error. The server log has the details.`;
    return finish(false, failedStep, detail, outcome.ok ? "unexpected answer" : outcome.detail, outcome.status);
  }
}
