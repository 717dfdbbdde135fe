import "server-only";
/**
 * RAD-E (RapidSOS Additional Data) by phone number, or by `alert_id` for a central-station alert,
 * with the same OAuth client as LEI — or, first, the token a Data Share delivered for the caller,
 * falling back to ours if RapidSOS refuses it. 404 means "no additional data (any more)". The
 * document is returned as sent: reshape.ts reads it.
 */
import { getConfig } from "@/lib/config/env";
import type { Secret } from "@/lib/config/secret";
import { rapidsosClient, type RapidsosClient } from "@/lib/rapidsos/client";
import { sendAuthorized } from "@/lib/upstream/authorized";
import { UpstreamError } from "@/lib/upstream/errors";

/** A device's profile, not a file: anything bigger than this is not additional data. */
const MAX_DOCUMENT_BYTES = 256 * 1024;

export type AdditionalDataQuery = ({ phone: string; alertId?: never } | { alertId: string; phone?: never }) & {
  accessToken?: Secret;
  onAccessTokenRefused?: () => void;
};

/** The RAD-E document for the number or alert, or null when RapidSOS has none. Throws UpstreamError. */
export type AdditionalDataFetch = (query: AdditionalDataQuery) => Promise<unknown>;

const subject = (q: AdditionalDataQuery) =>
  q.alertId !== undefined ? `alert_id=${encodeURIComponent(q.alertId)}` : `caller_id=${encodeURIComponent(q.phone)}`;

export function additionalDataFetcher(
  client: RapidsosClient = rapidsosClient(),
  options: { baseUrl: string; timeoutMs: number } = { baseUrl: getConfig().rapidsos.baseUrl, timeoutMs: getConfig().upstreamTimeoutMs },
): AdditionalDataFetch {
  const base = options.baseUrl.replace(/\/+$/, "");
  return async (query) => {
    const reply = await sendAuthorized({
      upstream: "rapidsos",
      tokens: client.tokens,
      overrideToken: query.accessToken,
      onOverrideRefused: query.onAccessTokenRefused,
      request: (authorization) => ({
        upstream: "rapidsos",
        method: "GET",
        url: `${base}/v1/rad-e/additional-data?${subject(query)}`,
        headers: { authorization },
        timeoutMs: options.timeoutMs,
        maxBodyBytes: MAX_DOCUMENT_BYTES,
      }),
    });
    if (reply.status === 404) return null;
    if (reply.status !== 200 || reply.json === undefined) {
      throw new UpstreamError("rapidsos", "bad_response", { upstreamStatus: reply.status, internal: `RAD-E answered ${reply.status}` });
    }
    return reply.json;
  };
}
