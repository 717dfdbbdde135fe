import "server-only";
/**
 * RapidSOS LEI client: OAuth client credentials (cached, refreshed ahead, one refresh in flight),
 * the first page by POST `/v1/rsos/location` (RapidSOS recommends POST), later pages by following
 * `next` — only when it points back at the configured endpoint — behind an opaque cursor.
 */
import { createHash } from "node:crypto";
import { getConfig } from "@/lib/config/env";
import type { Secret } from "@/lib/config/secret";
import { log } from "@/lib/server/log";
import { singleton } from "@/lib/server/singleton";
import { sendAuthorized } from "@/lib/upstream/authorized";
import { UpstreamError } from "@/lib/upstream/errors";
import { tracked, upstreamHealth, type HealthRegistry } from "@/lib/upstream/health";
import { requestClientCredentialsToken } from "@/lib/upstream/oauth";
import type { UpstreamReply, UpstreamRequest } from "@/lib/upstream/request";
import { SingleFlight } from "@/lib/upstream/single-flight";
import { TokenCache } from "@/lib/upstream/token-cache";
import {
  encodeCursor,
  leiLocationUrl,
  pageFromNext,
  pageUrl,
  type LeiPage,
} from "./cursor";
import type { LeiQuery } from "./query";
import { reshapeLeiPage } from "./reshape";
import type { CallerLocation, LeiLocationResponse } from "./types";
import { detailErrorSchema, leiPageSchema, tokenResponseSchema } from "./wire";

export interface RapidsosClientOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: Secret;
  /** Deadline for each upstream exchange (token or LEI), retries included. */
  timeoutMs: number;
  health?: HealthRegistry;
}

export type LeiLookupInput = LeiQuery & {
  /**
   * A token RapidSOS handed us (Data Share). Tried first; if RapidSOS refuses it we fall back to
   * our own credentials.
   */
  accessToken?: Secret;
  /** Called when RapidSOS refused `accessToken` (we then used our own credentials). */
  onAccessTokenRefused?: () => void;
};

export interface LeiLookupResult {
  response: LeiLocationResponse;
  /** The same records as `response.records`, for callers that store history. */
  records: CallerLocation[];
  /** The next page to ask for (`response.nextCursor` is the same, opaque, for the browser). */
  next: LeiPage | null;
}

export class RapidsosClient {
  readonly tokens: TokenCache;
  readonly #options: RapidsosClientOptions;
  readonly #health: HealthRegistry;
  readonly #flights = new SingleFlight<LeiLookupResult>();

  constructor(options: RapidsosClientOptions) {
    this.#options = { ...options, baseUrl: options.baseUrl.replace(/\/+$/, "") };
    this.#health = options.health ?? upstreamHealth();
    this.tokens = new TokenCache({
      fetchToken: () =>
        requestClientCredentialsToken({
          upstream: "rapidsos",
          url: `${this.#options.baseUrl}/oauth/token`,
          form: {
            grant_type: "client_credentials",
            client_id: options.clientId,
            client_secret: options.clientSecret,
          },
          schema: tokenResponseSchema,
          timeoutMs: options.timeoutMs,
        }),
    });
  }

  /** One page of a caller's LEI locations (the query was checked at the edge). Throws UpstreamError. */
  async lookup(input: LeiLookupInput): Promise<LeiLookupResult> {
    const plan = this.#plan(input);
    const tokenKey = input.accessToken ? digest(input.accessToken.reveal()) : "own";
    const key = JSON.stringify([plan.method, plan.url, plan.body ?? null, tokenKey]);
    return this.#flights.run(key, () =>
      tracked(this.#health, "rapidsos", () => this.#fetchPage(plan, input.accessToken, input.onAccessTokenRefused)),
    );
  }

  #plan(input: LeiLookupInput): Plan {
    if ("page" in input) {
      const { page } = input;
      return { callerId: page.callerId, method: "GET", url: pageUrl(this.#options.baseUrl, page), continuation: true };
    }
    const body: Record<string, string | number> = { query: `tel://${input.callerId}` };
    if (input.start !== undefined) body.start = input.start;
    if (input.limit !== undefined) body.limit = input.limit;
    return {
      callerId: input.callerId,
      method: "POST",
      url: leiLocationUrl(this.#options.baseUrl),
      body: JSON.stringify(body),
      continuation: false,
    };
  }

  async #fetchPage(
    plan: Plan,
    accessToken: Secret | undefined,
    onAccessTokenRefused?: () => void,
  ): Promise<LeiLookupResult> {
    const reply = await sendAuthorized({
      upstream: "rapidsos",
      tokens: this.tokens,
      overrideToken: accessToken,
      onOverrideRefused: onAccessTokenRefused,
      request: (authorization): UpstreamRequest => ({
        upstream: "rapidsos",
        method: plan.method,
        url: plan.url,
        headers: {
          authorization,
          ...(plan.body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: plan.body,
        timeoutMs: this.#options.timeoutMs,
      }),
    });
    if (reply.status === 404) throw notFound(plan);
    if (reply.status !== 200) throw unexpected(reply);

    const envelope = leiPageSchema.safeParse(reply.json);
    if (!envelope.success) {
      throw new UpstreamError("rapidsos", "bad_response", {
        upstreamStatus: 200,
        internal: "LEI answer is not a {next, results[]} page",
      });
    }
    const page = reshapeLeiPage(envelope.data.results, plan.callerId);
    if (page.dropped > 0) {
      log().warn(
        { upstream: "rapidsos", dropped: page.dropped, reasons: page.reasons },
        "dropped invalid LEI records",
      );
    }
    const next = this.#nextPage(envelope.data.next ?? null, plan.callerId);
    const response: LeiLocationResponse = {
      callerId: plan.callerId,
      records: page.records,
      nextCursor: next && encodeCursor(next),
      dropped: page.dropped,
      serverTime: Date.now(),
    };
    return { response, records: response.records, next };
  }

  #nextPage(next: string | null, callerId: string): LeiPage | null {
    if (next === null || next.trim() === "") return null;
    const page = pageFromNext(next, this.#options.baseUrl);
    if (page === null || page.callerId !== callerId) {
      log().warn({ upstream: "rapidsos" }, "LEI sent a next link we will not follow; paging stops here");
      return null;
    }
    return page;
  }
}

interface Plan {
  callerId: string;
  method: "GET" | "POST";
  url: string;
  body?: string;
  continuation: boolean;
}

/** What to tell a telecommunicator when LEI has nothing for a number. */
export function noLocationDetail(callerId: string): string {
  return (
    `RapidSOS has no location for +${callerId}. LEI keeps a caller's locations for only about ` +
    "10–20 minutes after the call, and has none for landlines."
  );
}

function notFound(plan: Plan): UpstreamError {
  return new UpstreamError("rapidsos", "not_found", {
    upstreamStatus: 404,
    internal: "LEI: no records",
    detail: plan.continuation
      ? "No more location records for this caller."
      : noLocationDetail(plan.callerId),
  });
}

function unexpected(reply: UpstreamReply): UpstreamError {
  const detail = detailErrorSchema.safeParse(reply.json);
  const said = detail.success && typeof detail.data.detail === "string" ? `: ${detail.data.detail.slice(0, 120)}` : "";
  return new UpstreamError("rapidsos", "bad_response", {
    upstreamStatus: reply.status,
    internal: `LEI answered ${reply.status}${said}`,
  });
}

const digest = (value: string) => createHash("sha256").update(value).digest("base64url");

/** The process-wide client for the configured RapidSOS (or sandbox). */
export function rapidsosClient(): RapidsosClient {
  return singleton("rapidsos-client", () => {
    const config = getConfig();
    return new RapidsosClient({ ...config.rapidsos, timeoutMs: config.upstreamTimeoutMs });
  });
}

/** The one call the LEI route makes (and later Data Share, with its token). */
export function lookupCallerLocation(
  input: LeiLookupInput,
  client: RapidsosClient = rapidsosClient(),
): Promise<LeiLookupResult> {
  return client.lookup(input);
}
