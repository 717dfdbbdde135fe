/**
 * For integration tests (ours and other teams'): an independent sandbox on a random loopback port,
 * plus one-liners to get tokens from it. Not used by the app at run time.
 */
import { SANDBOX_DEFAULTS } from "@/lib/config/env";
import { serve } from "@/lib/testing/serve";
import { SandboxInstance } from "./sandbox";
import type { Sandbox, SandboxOptions } from "./types";

export interface ServedSandbox {
  sandbox: Sandbox;
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  rapidsosBase: string;
  axonBase: string;
  /** Real time as the sandbox sees it, when the test pinned it with `startRealNow`. */
  real: { now: number };
  rapidsosToken(): Promise<string>;
  axonToken(client?: { clientId: string; secret: string; partnerId?: string }): Promise<string>;
  close(): Promise<void>;
}

export async function serveSandbox(
  options: Partial<SandboxOptions> & { startRealNow?: number } = {},
): Promise<ServedSandbox> {
  const real = { now: options.startRealNow ?? Date.now() };
  const pinned = options.startRealNow !== undefined;
  const sandbox = new SandboxInstance({
    seed: options.seed ?? 911,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    leiRateLimitPerMinute: options.leiRateLimitPerMinute ?? 600,
    realNow: options.realNow ?? (pinned ? () => real.now : Date.now),
  });
  const served = await serve((req) => sandbox.handle(req));
  const rapidsosBase = `${served.url}/sandbox/rapidsos`;
  const axonBase = `${served.url}/sandbox/axon`;
  return {
    sandbox,
    url: served.url,
    rapidsosBase,
    axonBase,
    real,
    async rapidsosToken() {
      const res = await fetch(`${rapidsosBase}/oauth/token`, {
        method: "POST",
        body: new URLSearchParams({
          client_id: SANDBOX_DEFAULTS.rapidsosClientId,
          client_secret: SANDBOX_DEFAULTS.rapidsosClientSecret,
          grant_type: "client_credentials",
        }),
      });
      if (!res.ok) throw new Error(`sandbox RapidSOS token: ${res.status}`);
      return ((await res.json()) as { access_token: string }).access_token;
    },
    async axonToken(client) {
      const res = await fetch(`${axonBase}/api/oauth2/token`, {
        method: "POST",
        body: new URLSearchParams({
          grant_type: "client_credentials",
          partner_id: client?.partnerId ?? SANDBOX_DEFAULTS.axonPartnerId,
          client_id: client?.clientId ?? SANDBOX_DEFAULTS.axonClientId,
          client_secret: client?.secret ?? SANDBOX_DEFAULTS.axonClientSecret,
        }),
      });
      if (!res.ok) throw new Error(`sandbox Axon token: ${res.status}`);
      return ((await res.json()) as { access_token: string }).access_token;
    },
    close: () => served.close(),
  };
}
