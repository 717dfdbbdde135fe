import "server-only";
/**
 * The ECC side of RapidSOS Alerts over REST: OAuth client credentials (cached, refreshed ahead, one
 * refresh in flight), GET /v1/alerts (catch-up from `alerts_until`), GET one alert (with logs),
 * PATCH status/disposition and POST chat. A 401 refreshes the token and retries once; a 403 or 409
 * here is the platform's answer about the alert (who may set what, impossible transition), so it
 * comes back to the caller instead of being taken for bad credentials.
 */
import { getConfig } from "@/lib/config/env";
import type { Secret } from "@/lib/config/secret";
import { singleton } from "@/lib/server/singleton";
import { UpstreamError } from "@/lib/upstream/errors";
import { tracked, upstreamHealth, type HealthRegistry } from "@/lib/upstream/health";
import { requestClientCredentialsToken } from "@/lib/upstream/oauth";
import { sendUpstream, type UpstreamReply } from "@/lib/upstream/request";
import { TokenCache } from "@/lib/upstream/token-cache";
import { listSchema, statusReplySchema, tokenSchema } from "./wire";

export interface AlertsClientOptions {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: Secret;
  timeoutMs: number;
  health?: HealthRegistry;
}

export type PatchBody = { status?: "ACCEPTED" | "DECLINED"; disposition?: string; decline_reason?: string };

/** The platform's answer to a change we asked for. */
export type ChangeResult =
  | { ok: true; body: unknown }
  | { ok: false; status: 400 | 403 | 404 | 409; detail: string };

export class AlertsClient {
  readonly tokens: TokenCache;
  /** When the token we hold expires (our clock), for the socket's reconnect-before-expiry. */
  tokenExpiresAt = 0;
  readonly #o: AlertsClientOptions;
  readonly #health: HealthRegistry;

  constructor(options: AlertsClientOptions) {
    this.#o = { ...options, baseUrl: options.baseUrl.replace(/\/+$/, "") };
    this.#health = options.health ?? upstreamHealth();
    this.tokens = new TokenCache({
      fetchToken: async () => {
        const issued = await requestClientCredentialsToken({
          upstream: "alerts",
          url: this.#o.tokenUrl,
          form: { grant_type: "client_credentials", client_id: options.clientId, client_secret: options.clientSecret },
          schema: tokenSchema,
          timeoutMs: options.timeoutMs,
        });
        this.tokenExpiresAt = issued.expiresAt;
        return issued;
      },
    });
  }

  get health(): HealthRegistry {
    return this.#health;
  }

  /** One page of alerts created after `start` (ascending); `alertsUntil` is the next start (0: none). */
  async list(start: number, limit = 100): Promise<{ alertsUntil: number; alerts: unknown[] }> {
    const params = new URLSearchParams({ limit: String(limit) });
    if (start > 0) params.set("start", String(start));
    const reply = await this.#tracked("GET", `/v1/alerts?${params}`);
    if (reply.status !== 200) throw unexpected(reply, "list");
    const page = listSchema.safeParse(reply.json);
    if (!page.success) throw new UpstreamError("alerts", "bad_response", { upstreamStatus: 200, internal: "alerts list is not {alerts_until, alerts[]}" });
    return { alertsUntil: page.data.alerts_until ?? 0, alerts: page.data.alerts };
  }

  /** One alert with its log messages; null when the platform no longer has it (404). */
  async get(id: string): Promise<unknown | null> {
    const reply = await this.#tracked("GET", `/v1/alerts/${encodeURIComponent(id)}?extra=logs`);
    if (reply.status === 404) return null;
    if (reply.status !== 200) throw unexpected(reply, "get");
    return reply.json;
  }

  async patch(id: string, body: PatchBody): Promise<ChangeResult> {
    const reply = await this.#tracked("PATCH", `/v1/alerts/${encodeURIComponent(id)}`, JSON.stringify(body));
    if (reply.status === 200) {
      const parsed = statusReplySchema.safeParse(reply.json);
      return { ok: true, body: parsed.success ? parsed.data : reply.json };
    }
    return refusal(reply, "update");
  }

  async chat(id: string, message: string, sender: string, senderId: string): Promise<ChangeResult> {
    const body = JSON.stringify({ alert_id: id, message, message_type: "CHAT_MESSAGE", sender, sender_id: senderId });
    const reply = await this.#tracked("POST", `/v1/alerts/${encodeURIComponent(id)}/log_messages`, body);
    if (reply.status === 200 || reply.status === 201) return { ok: true, body: reply.json };
    return refusal(reply, "chat");
  }

  #tracked(method: "GET" | "PATCH" | "POST", path: string, body?: string): Promise<UpstreamReply> {
    return tracked(this.#health, "alerts", () => this.#send(method, path, body));
  }

  async #send(method: "GET" | "PATCH" | "POST", path: string, body?: string): Promise<UpstreamReply> {
    const send = (token: Secret) =>
      sendUpstream({
        upstream: "alerts",
        method,
        url: `${this.#o.baseUrl}${path}`,
        headers: { authorization: `Bearer ${token.reveal()}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body,
        timeoutMs: this.#o.timeoutMs,
        // A PATCH is not idempotent enough to repeat blindly on a 502.
        maxAttempts: method === "GET" ? 3 : 1,
      });
    const first = await this.tokens.get();
    const reply = await send(first);
    if (reply.status !== 401) return reply;
    this.tokens.invalidate(first);
    const retried = await send(await this.tokens.get());
    if (retried.status === 401) {
      throw new UpstreamError("alerts", "rejected", { upstreamStatus: 401, internal: "refused a fresh token" });
    }
    return retried;
  }
}

function detailOf(json: unknown): string | null {
  const d = (json as { detail?: unknown } | null)?.detail;
  return typeof d === "string" ? d.slice(0, 300) : null;
}

function refusal(reply: UpstreamReply, what: string): ChangeResult {
  if (reply.status === 400 || reply.status === 403 || reply.status === 404 || reply.status === 409) {
    return { ok: false, status: reply.status, detail: detailOf(reply.json) ?? `RapidSOS refused the ${what} (${reply.status}).` };
  }
  throw unexpected(reply, what);
}

function unexpected(reply: UpstreamReply, what: string): UpstreamError {
  return new UpstreamError("alerts", "bad_response", { upstreamStatus: reply.status, internal: `alerts ${what} answered ${reply.status}${detailOf(reply.json) ? `: ${detailOf(reply.json)}` : ""}` });
}

/** The process-wide client; null when Alerts is not configured. */
export function alertsClient(): AlertsClient | null {
  return singleton("alerts-client", () => {
    const config = getConfig();
    return config.alerts ? new AlertsClient({ ...config.alerts, timeoutMs: config.upstreamTimeoutMs }) : null;
  });
}
