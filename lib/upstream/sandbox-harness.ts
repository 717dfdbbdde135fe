/**
 * Test helper: the real sandbox served over real HTTP, plus its control API. One per test file.
 * Not imported by app code.
 */
import { createSandbox } from "@/lib/sandbox";
import { serve, type Served } from "@/lib/testing/serve";

export interface SandboxOptions {
  seed?: number;
  tokenTtlSeconds?: number;
  leiRateLimitPerMinute?: number;
}

export interface RequestCounts {
  rapidsos: { token: number; location: number };
  axon: { token: number; search: number };
}

export interface FaultSpec {
  upstream: "rapidsos" | "axon";
  kind: "429" | "500" | "slow" | "down";
  count?: number;
  delayMs?: number;
  retryAfterSeconds?: number;
}

export interface RunningSandbox {
  url: string;
  rapidsosBase: string;
  axonBase: string;
  control(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<Response>;
  counts(): Promise<RequestCounts>;
  resetCounts(): Promise<void>;
  fault(spec: FaultSpec): Promise<void>;
  advanceClock(ms: number): Promise<void>;
  createAxonClient(scopes: string[]): Promise<{ clientId: string; partnerId: string; secret: string }>;
  deleteAxonClient(clientId: string): Promise<void>;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const sandbox = createSandbox({
    seed: options.seed ?? 911,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    leiRateLimitPerMinute: options.leiRateLimitPerMinute ?? 100_000,
  });
  const served: Served = await serve((req) => sandbox.handle(req));
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
    url: served.url,
    rapidsosBase: `${served.url}/sandbox/rapidsos`,
    axonBase: `${served.url}/sandbox/axon`,
    control,
    counts: async () => (await (await ok(await control("GET", "requests"))).json()) as RequestCounts,
    resetCounts: async () => {
      await ok(await control("DELETE", "requests"));
    },
    fault: async (spec) => {
      await ok(
        await control("POST", "faults", { count: 1, delayMs: 0, retryAfterSeconds: 1, ...spec }),
      );
    },
    advanceClock: async (ms) => {
      await ok(await control("POST", "clock", { action: "advance", ms }));
    },
    createAxonClient: async (scopes) =>
      (await (await ok(await control("POST", "axon/clients", { scopes }))).json()) as {
        clientId: string;
        partnerId: string;
        secret: string;
      },
    deleteAxonClient: async (clientId) => {
      await ok(await control("DELETE", `axon/clients/${encodeURIComponent(clientId)}`));
    },
    close: () => served.close(),
  };
}
