/**
 * Whether a console's call list (or one call) can have changed since it last asked, without asking
 * the database: every change to calls is announced on the live bus (the tracker's new locations and
 * status changes, opens, closes, shares), and every instance counts what it hears. The ETag of an
 * answer is that count, plus what else the answer depends on: the RapidSOS health shown with it,
 * the user it is for, and a short time bucket, so a lost announcement (a dropped LISTEN connection)
 * or a call ageing out of the list costs at most one bucket, never a stuck screen.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { changesCalls, type LiveBus } from "./bus";
import { singleton } from "@/lib/server/singleton";

export const CALLS_ETAG_BUCKET_MS = 15_000;

export class CallsVersion {
  readonly #boot = randomBytes(4).toString("hex");
  #count = 0;
  #listening = false;

  constructor(private readonly bus: Pick<LiveBus, "subscribe">) {}

  /** Start counting (idempotent); the first answers carry no tag a browser could send back yet. */
  listen(): this {
    if (!this.#listening) {
      this.#listening = true;
      this.bus.subscribe((event) => {
        if (changesCalls(event)) this.#count += 1;
      });
    }
    return this;
  }

  /**
   * Which state of the calls an answer about to be read is for: what this instance has heard, and the
   * time bucket. Taken before the read, so a change during it is never hidden; reads made for the
   * same version may be shared (lib/calls/summaries.ts reads the center's calls once per version).
   */
  version(now = Date.now()): string {
    return `${this.#boot}|${this.#count}|${Math.floor(now / CALLS_ETAG_BUCKET_MS)}`;
  }

  /** The tag for an answer about to be read, for the given version and whatever else it depends on. */
  etag(parts: readonly (string | number | boolean | null)[], version = this.version()): string {
    const key = [version, ...parts].join("|");
    return `"c${createHash("sha256").update(key).digest("base64url").slice(0, 22)}"`;
  }
}

export function callsVersion(bus: Pick<LiveBus, "subscribe">): CallsVersion {
  return singleton("calls-version", () => new CallsVersion(bus)).listen();
}

/** 304 for a matching If-None-Match, with the data clock so the console's ages keep stepping. */
export function notModified(req: Request, etag: string, serverTime: number): Response | null {
  if (req.headers.get("if-none-match") !== etag) return null;
  return new Response(null, {
    status: 304,
    headers: { etag, "x-server-time": String(serverTime), "cache-control": "no-store" },
  });
}
