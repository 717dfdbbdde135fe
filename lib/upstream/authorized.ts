import "server-only";
/**
 * A call with a bearer token: on a 401 or 403, drop that token, fetch a fresh one and retry once
 * (a 403 too: a client whose scopes were changed gets them only in a new token); a second refusal
 * is `rejected`. An optional caller-supplied token (RapidSOS hands one to Data Share) is tried
 * first; when it is refused we fall back to our own credentials.
 */
import type { Secret } from "@/lib/config/secret";
import { log } from "@/lib/server/log";
import { UPSTREAM_LABEL, UpstreamError, type UpstreamName } from "./errors";
import { sendUpstream, type UpstreamReply, type UpstreamRequest } from "./request";
import type { TokenCache } from "./token-cache";

export interface AuthorizedCall {
  upstream: UpstreamName;
  tokens: TokenCache;
  /** Builds the request for a given Authorization header value. */
  request: (authorization: string) => UpstreamRequest;
  /** A token to try before our own (never cached, never logged). */
  overrideToken?: Secret;
  /** Told when the upstream refused `overrideToken`, so the owner can stop offering it. */
  onOverrideRefused?: () => void;
}

const refused = (reply: UpstreamReply) => reply.status === 401 || reply.status === 403;

export async function sendAuthorized(call: AuthorizedCall): Promise<UpstreamReply> {
  const send = (token: Secret) => sendUpstream(call.request(`Bearer ${token.reveal()}`));

  if (call.overrideToken) {
    const reply = await send(call.overrideToken);
    if (!refused(reply)) return reply;
    call.onOverrideRefused?.();
    log().info(
      { upstream: call.upstream, status: reply.status },
      "supplied access token refused; falling back to our own credentials",
    );
  }

  const first = await call.tokens.get();
  const reply = await send(first);
  if (!refused(reply)) return reply;

  call.tokens.invalidate(first);
  const second = await call.tokens.get();
  const retried = await send(second);
  if (!refused(retried)) return retried;

  throw new UpstreamError(call.upstream, "rejected", {
    upstreamStatus: retried.status,
    // 403 with a valid token means a missing permission, which is a different fix from bad credentials.
    ...(retried.status === 403
      ? {
          detail:
            `${UPSTREAM_LABEL[call.upstream]} refused access: its API client lacks a permission this needs. ` +
            "An administrator needs to check the client's permissions.",
        }
      : {}),
    internal: `refused a fresh token (${retried.status}${faultText(retried.json)})`,
  });
}

/** The gateway's fault string ("Access Token expired") is safe and useful in a log line. */
function faultText(json: unknown): string {
  if (typeof json !== "object" || json === null) return "";
  const record = json as { fault?: { faultstring?: unknown }; detail?: unknown };
  const text = record.fault?.faultstring ?? record.detail;
  return typeof text === "string" ? `: ${text.slice(0, 120)}` : "";
}
