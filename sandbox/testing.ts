/**
 * For integration tests (ours and other teams'): an independent sandbox on a random loopback port,
 * its control API over HTTP, and one-liners to get tokens from it. Not used by the app at run time.
 */
import { serve } from "@/testing/serve";
import { SandboxInstance } from "./sandbox";
import { sandboxAxonToken, sandboxRapidsosToken, type AxonClientCredentials } from "./tokens";
import type { CreatedAxonClient, FaultInput, RequestCounts, Sandbox, SandboxOptions } from "./types";

export interface ServedSandbox {
  sandbox: Sandbox;
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  rapidsosBase: string;
  axonBase: string;
  /** Real time as the sandbox sees it, when the test pinned it with `startRealNow`. */
  real: { now: number };
  rapidsosToken(): Promise<string>;
  axonToken(client?: AxonClientCredentials): Promise<string>;
  /** The control API, over HTTP as other teams' suites use it. */
  control(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<Response>;
  counts(): Promise<RequestCounts>;
  resetCounts(): Promise<void>;
  fault(spec: FaultInput): Promise<void>;
  advanceClock(ms: number): Promise<void>;
  createAxonClient(scopes: string[]): Promise<CreatedAxonClient>;
  deleteAxonClient(clientId: string): Promise<void>;
  close(): Promise<void>;
}

/** For client tests that hammer LEI on purpose and must not meet the sandbox's rate limit. */
export const NO_LEI_LIMIT = 100_000;

/**
 * `leiRateLimitPerMinute` defaults to the sandbox's realistic 600; client tests that hammer LEI on
 * purpose raise it. `startRealNow` pins the sandbox's idea of real time (advance it through `real`).
 */
export async function serveSandbox(
  options: Partial<SandboxOptions> & { startRealNow?: number } = {},
): Promise<ServedSandbox> {
  const real = { now: options.startRealNow ?? Date.now() };
  const pinned = options.startRealNow !== undefined;
  const sandbox = new SandboxInstance({
    seed: options.seed ?? 911,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    leiRateLimitPerMinute: options.leiRateLimitPerMinute ?? 600,
    devices: options.devices,
    callers: options.callers,
    deviceReportMs: options.deviceReportMs,
    realNow: options.realNow ?? (pinned ? () => real.now : Date.now),
  });
  const served = await serve((req) => sandbox.handle(req));
  const rapidsosBase = `${served.url}/sandbox/rapidsos`;
  const axonBase = `${served.url}/sandbox/axon`;
  const control = (method: "GET" | "POST" | "DELETE", path: string, body?: unknown) =>
    fetch(`${served.url}/sandbox/control/${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const ok = async (res: Response) => {
    if (!res.ok) throw new Error(`sandbox control answered ${res.status}: ${await res.text()}`);
    return res;
  };
  return {
    sandbox,
    url: served.url,
    rapidsosBase,
    axonBase,
    real,
    rapidsosToken: () => sandboxRapidsosToken(fetch, rapidsosBase),
    axonToken: (client) => sandboxAxonToken(fetch, axonBase, client),
    control,
    counts: async () => (await (await ok(await control("GET", "requests"))).json()) as RequestCounts,
    resetCounts: async () => {
      await ok(await control("DELETE", "requests"));
    },
    fault: async (spec) => {
      await ok(await control("POST", "faults", { count: 1, delayMs: 0, retryAfterSeconds: 1, ...spec }));
    },
    advanceClock: async (ms) => {
      await ok(await control("POST", "clock", { action: "advance", ms }));
    },
    createAxonClient: async (scopes) =>
      (await (await ok(await control("POST", "axon/clients", { scopes }))).json()) as CreatedAxonClient,
    deleteAxonClient: async (clientId) => {
      await ok(await control("DELETE", `axon/clients/${encodeURIComponent(clientId)}`));
    },
    close: () => served.close(),
  };
}
