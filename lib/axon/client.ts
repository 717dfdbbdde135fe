import "server-only";
/**
 * Axon Respond device-state client: client-credentials token with partner_id (cached, refreshed
 * ahead, one refresh in flight), then every page of `POST /respond/api/v1/devices/states/search`
 * until meta.totalHits is reached — with a hard page limit, because a server that keeps saying
 * "more" must not keep us looping.
 */
import { getConfig } from "@/lib/config/env";
import type { Secret } from "@/lib/config/secret";
import { log } from "@/lib/server/log";
import { singleton } from "@/lib/server/singleton";
import { sendAuthorized } from "@/lib/upstream/authorized";
import { UpstreamError } from "@/lib/upstream/errors";
import { tracked, upstreamHealth, type HealthRegistry } from "@/lib/upstream/health";
import { requestClientCredentialsToken } from "@/lib/upstream/oauth";
import { SingleFlight } from "@/lib/upstream/single-flight";
import { TokenCache } from "@/lib/upstream/token-cache";
import { reshapeDevices } from "./reshape";
import type { DevicesResponse } from "./types";
import { axonTokenResponseSchema, searchEnvelopeSchema } from "./wire";

export interface AxonClientOptions {
  baseUrl: string;
  partnerId: string;
  clientId: string;
  clientSecret: Secret;
  pageSize: number;
  /** Deadline for each upstream exchange (token or one page), retries included. */
  timeoutMs: number;
  /** More devices than this is not an agency, it is a server that never ends. */
  maxDevices?: number;
  health?: HealthRegistry;
}

export const NO_DEVICE_DATA_NOTICE =
  "Axon answered without device data. The Axon API client probably lacks the Device " +
  "state.any.read scope; an Axon administrator can allow it under Admin → API Settings.";

const DEFAULT_MAX_DEVICES = 20_000;

export class AxonClient {
  readonly tokens: TokenCache;
  readonly #options: AxonClientOptions;
  readonly #health: HealthRegistry;
  readonly #flights = new SingleFlight<DevicesResponse>();

  constructor(options: AxonClientOptions) {
    this.#options = { ...options, baseUrl: options.baseUrl.replace(/\/+$/, "") };
    this.#health = options.health ?? upstreamHealth();
    this.tokens = new TokenCache({
      fetchToken: () =>
        requestClientCredentialsToken({
          upstream: "axon",
          url: `${this.#options.baseUrl}/api/oauth2/token`,
          form: {
            grant_type: "client_credentials",
            partner_id: options.partnerId,
            client_id: options.clientId,
            client_secret: options.clientSecret,
          },
          schema: axonTokenResponseSchema,
          timeoutMs: options.timeoutMs,
        }),
    });
  }

  /** Every device the API client may see, all pages. Concurrent callers share one listing. */
  listDevices(): Promise<DevicesResponse> {
    return this.#flights.run("devices", () =>
      tracked(this.#health, "axon", () => this.#fetchAll()),
    );
  }

  async #fetchAll(): Promise<DevicesResponse> {
    const size = this.#options.pageSize;
    const maxPages = Math.ceil((this.#options.maxDevices ?? DEFAULT_MAX_DEVICES) / size) + 1;
    const raws: unknown[] = [];
    const seenIds = new Set<string>();
    let from = 0;
    for (let pages = 0; ; pages++) {
      if (pages >= maxPages) {
        throw new UpstreamError("axon", "bad_response", {
          internal: `device search still paging after ${pages} pages of ${size}`,
        });
      }
      const page = await this.searchPage(from, size);
      if (page.data === undefined) {
        if (pages === 0) return this.#response([], NO_DEVICE_DATA_NOTICE);
        throw new UpstreamError("axon", "bad_response", {
          internal: `device search page ${pages + 1} came without data`,
        });
      }
      if (page.data.length === 0) break;
      if (pages > 0 && page.data.every((d) => seenIds.has(idOf(d) ?? ""))) {
        throw new UpstreamError("axon", "bad_response", {
          internal: `device search repeated a page at from=${from}`,
        });
      }
      for (const d of page.data) {
        const id = idOf(d);
        if (id) seenIds.add(id);
      }
      raws.push(...page.data);
      from += page.data.length;
      const total = page.meta?.totalHits;
      if (total !== undefined ? from >= total : page.data.length < size) break;
    }
    return this.#response(raws);
  }

  /** One page of the device search as Axon sent it (validated envelope; `data` absent without scopes). */
  async searchPage(from: number, size: number) {
    const reply = await sendAuthorized({
      upstream: "axon",
      tokens: this.tokens,
      request: (authorization) => ({
        upstream: "axon",
        method: "POST",
        url: `${this.#options.baseUrl}/respond/api/v1/devices/states/search`,
        headers: {
          authorization,
          accept: "application/json",
          "content-type": "application/json",
          "client-type": "EXTERNAL",
        },
        body: JSON.stringify({ from, size }),
        timeoutMs: this.#options.timeoutMs,
      }),
    });
    if (reply.status !== 200) {
      throw new UpstreamError("axon", "bad_response", {
        upstreamStatus: reply.status,
        internal: `device search answered ${reply.status}`,
      });
    }
    const parsed = searchEnvelopeSchema.safeParse(reply.json);
    if (!parsed.success) {
      throw new UpstreamError("axon", "bad_response", {
        upstreamStatus: 200,
        internal: "device search answer is not a {meta, data[]} envelope",
      });
    }
    return parsed.data;
  }

  #response(raws: unknown[], notice?: string): DevicesResponse {
    const { devices, dropped, reasons } = reshapeDevices(raws);
    if (dropped > 0) {
      log().warn({ upstream: "axon", dropped, reasons }, "dropped invalid Axon device records");
    }
    if (notice) log().warn({ upstream: "axon" }, "device search returned no data (scopes?)");
    return {
      agency: devices[0]?.agency ?? null,
      devices,
      dropped,
      serverTime: Date.now(),
      ...(notice ? { notice } : {}),
    };
  }
}

function idOf(raw: unknown): string | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const id = (raw as { axonDeviceId?: unknown }).axonDeviceId;
  return typeof id === "string" ? id : undefined;
}

/** The process-wide client for the configured Axon (or sandbox). */
export function axonClient(): AxonClient {
  return singleton("axon-client", () => {
    const config = getConfig();
    return new AxonClient({ ...config.axon, timeoutMs: config.upstreamTimeoutMs });
  });
}

/** The one call GET /api/devices makes. */
export function listDevices(client: AxonClient = axonClient()): Promise<DevicesResponse> {
  return client.listDevices();
}
