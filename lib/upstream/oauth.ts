import "server-only";
/**
 * The OAuth 2.0 client-credentials exchange both upstreams use. The form differs (Axon adds
 * partner_id) and so does the answer (RapidSOS sends every number as a string), so each upstream
 * passes its own form and zod schema; this turns the answer into an IssuedToken on our clock.
 */
import type { z } from "zod";
import { isSecret, Secret } from "@/lib/config/secret";
import { UpstreamError, type UpstreamName } from "./errors";
import { sendUpstream } from "./request";
import type { IssuedToken } from "./token-cache";

export interface TokenRequest<S extends z.ZodType<{ accessToken: string; expiresInSeconds: number }>> {
  upstream: UpstreamName;
  url: string;
  form: Record<string, string | Secret>;
  schema: S;
  timeoutMs: number;
}

export async function requestClientCredentialsToken<
  S extends z.ZodType<{ accessToken: string; expiresInSeconds: number }>,
>(request: TokenRequest<S>): Promise<IssuedToken> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(request.form)) {
    body.set(name, isSecret(value) ? value.reveal() : value);
  }
  const sentAt = Date.now();
  const reply = await sendUpstream({
    upstream: request.upstream,
    method: "POST",
    url: request.url,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
    timeoutMs: request.timeoutMs,
  });
  if (reply.status === 400 || reply.status === 401 || reply.status === 403) {
    throw new UpstreamError(request.upstream, "rejected", {
      upstreamStatus: reply.status,
      internal: `token endpoint refused our client credentials (${reply.status})`,
    });
  }
  if (reply.status !== 200) {
    throw new UpstreamError(request.upstream, "bad_response", {
      upstreamStatus: reply.status,
      internal: `token endpoint answered ${reply.status}`,
    });
  }
  const parsed = request.schema.safeParse(reply.json);
  if (!parsed.success) {
    throw new UpstreamError(request.upstream, "bad_response", {
      upstreamStatus: reply.status,
      // Issue paths only: the values could include the token itself.
      internal: `token response invalid at ${parsed.error.issues.map((i) => i.path.join(".") || "(root)").join(", ")}`,
    });
  }
  return {
    token: new Secret(parsed.data.accessToken),
    // Counted from when we asked, so network time only ever shortens our view of its life.
    expiresAt: sentAt + parsed.data.expiresInSeconds * 1000,
  };
}
