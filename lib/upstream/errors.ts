/**
 * The one error every upstream call ends in. It is an HttpError, so the shared route wrapper maps
 * it to a response with no try/catch in the handler; `detail` is written for a telecommunicator and
 * never holds an upstream URL, a token or a stack. What happened on the wire is in `internal`
 * (for logs and /api/health), which is also free of secrets.
 */
import { HttpError } from "@/lib/server/http";

export type UpstreamName = "rapidsos" | "axon" | "alerts";

export type UpstreamErrorKind =
  | "rate_limited"
  | "timeout"
  | "unreachable"
  | "unavailable"
  | "rejected"
  | "bad_response"
  | "not_found";

export const UPSTREAM_LABEL: Record<UpstreamName, string> = {
  rapidsos: "RapidSOS",
  axon: "Axon",
  alerts: "RapidSOS Alerts",
};

/** Retry-After we send when the upstream limited us without saying for how long. */
export const DEFAULT_RETRY_AFTER_SECONDS = 30;

export function upstreamErrorStatus(kind: UpstreamErrorKind): number {
  switch (kind) {
    case "not_found":
      return 404;
    case "rate_limited":
      return 429;
    case "timeout":
      return 504;
    default:
      return 502;
  }
}

export interface UpstreamErrorOptions {
  /** Replaces the standard sentence for this kind (e.g. LEI's "no records" wording). */
  detail?: string;
  /** The upstream's HTTP status, when it answered. */
  upstreamStatus?: number | null;
  retryAfterSeconds?: number | null;
  /** Short, secret-free description of what happened, for logs and health. */
  internal?: string;
  cause?: unknown;
}

const UPSTREAM_ERROR = Symbol.for("dispatcher-map.upstream-error");

export class UpstreamError extends HttpError {
  readonly [UPSTREAM_ERROR] = true;
  readonly upstreamStatus: number | null;
  readonly retryAfterSeconds: number | null;
  readonly internal: string;

  constructor(
    readonly upstream: UpstreamName,
    readonly kind: UpstreamErrorKind,
    options: UpstreamErrorOptions = {},
  ) {
    const retryAfter =
      kind === "rate_limited" ? (options.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS) : null;
    super(
      upstreamErrorStatus(kind),
      kind === "not_found" ? "not_found" : `upstream_${kind}`,
      options.detail ?? standardDetail(upstream, kind, retryAfter),
      retryAfter === null ? {} : { "retry-after": String(retryAfter) },
    );
    this.name = "UpstreamError";
    this.upstreamStatus = options.upstreamStatus ?? null;
    this.retryAfterSeconds = retryAfter;
    this.internal = options.internal ?? kind;
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

function standardDetail(
  upstream: UpstreamName,
  kind: UpstreamErrorKind,
  retryAfter: number | null,
): string {
  const name = UPSTREAM_LABEL[upstream];
  switch (kind) {
    case "rate_limited":
      return `${name} is limiting how often we may ask. Try again in ${retryAfter} seconds.`;
    case "timeout":
      return `${name} did not answer in time. Try again in a moment.`;
    case "unreachable":
      return `${name} cannot be reached from this server. Try again in a moment; if it persists, tell your administrator.`;
    case "unavailable":
      return `${name} is having a problem and could not answer. Try again in a moment.`;
    case "rejected":
      return `${name} refused this server's credentials. An administrator needs to check the ${name} connection.`;
    case "bad_response":
      return `${name} sent an answer this server could not read.`;
    case "not_found":
      return `${name} has nothing for this request.`;
  }
}

export function isUpstreamError(err: unknown): err is UpstreamError {
  // Not instanceof: the client that threw may be a singleton built by another bundle.
  return typeof err === "object" && err !== null && (err as Record<symbol, unknown>)[UPSTREAM_ERROR] === true;
}
