/**
 * Tokens from the sandbox's own OAuth endpoints, the way a partner (or RapidSOS inside a Data Share)
 * would get them. `send` is `fetch` for a sandbox served over HTTP, or `sandbox.handle` in process.
 */
import { SANDBOX_DEFAULTS } from "@/lib/config/env";

type Send = (req: Request) => Promise<Response>;

/** A RapidSOS bearer token; `rapidsosBase` ends in `/sandbox/rapidsos`. */
export async function sandboxRapidsosToken(send: Send, rapidsosBase: string): Promise<string> {
  return accessToken(
    await send(
      new Request(`${rapidsosBase}/oauth/token`, {
        method: "POST",
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: SANDBOX_DEFAULTS.rapidsosClientId,
          client_secret: SANDBOX_DEFAULTS.rapidsosClientSecret,
        }),
      }),
    ),
    "RapidSOS",
  );
}

export interface AxonClientCredentials {
  clientId: string;
  secret: string;
  partnerId?: string;
}

/** An Axon bearer token for the default client, or for one the control API created. */
export async function sandboxAxonToken(send: Send, axonBase: string, client?: AxonClientCredentials): Promise<string> {
  return accessToken(
    await send(
      new Request(`${axonBase}/api/oauth2/token`, {
        method: "POST",
        body: new URLSearchParams({
          grant_type: "client_credentials",
          partner_id: client?.partnerId ?? SANDBOX_DEFAULTS.axonPartnerId,
          client_id: client?.clientId ?? SANDBOX_DEFAULTS.axonClientId,
          client_secret: client?.secret ?? SANDBOX_DEFAULTS.axonClientSecret,
        }),
      }),
    ),
    "Axon",
  );
}

async function accessToken(res: Response, upstream: string): Promise<string> {
  const body = (await res.json().catch(() => null)) as { access_token?: unknown } | null;
  if (!res.ok || typeof body?.access_token !== "string") {
    throw new SandboxTokenError(`The sandbox's ${upstream} OAuth endpoint answered ${res.status}.`);
  }
  return body.access_token;
}

export class SandboxTokenError extends Error {
  override name = "SandboxTokenError";
}
