/**
 * LEI pages onward through a `next` URL. The browser must never see that URL (it names the
 * upstream host) nor choose where we send our token, so we only follow a `next` whose origin and
 * path are our configured LEI endpoint, keep just its query parameters, and hand the browser an
 * opaque cursor (base64url of those parameters). A cursor is rebuilt into a URL on the configured
 * base, so a forged one can at worst ask LEI a question the caller could ask anyway.
 */
import { z } from "zod";

export class InvalidCursorError extends Error {
  constructor() {
    super("The page cursor is not valid. Start again from the first page.");
    this.name = "InvalidCursorError";
  }
}

export interface LeiPage {
  callerId: string;
  params: [string, string][];
  /** LEI's documented URLs end in "/location/"; keep whichever form `next` used. */
  trailingSlash: boolean;
}

const MAX_PARAMS = 20;
const MAX_VALUE_LENGTH = 512;
// Anything that smells of a credential must not travel to the browser inside a cursor.
const SENSITIVE_PARAM = /token|secret|key|auth|pass|signature|session/i;

const cursorSchema = z.object({
  v: z.literal(1),
  s: z.boolean(),
  p: z
    .array(z.tuple([z.string().min(1).max(64), z.string().max(MAX_VALUE_LENGTH)]))
    .min(1)
    .max(MAX_PARAMS),
});

export function leiLocationUrl(baseUrl: string, trailingSlash = false): string {
  return `${baseUrl.replace(/\/+$/, "")}/v1/rsos/location${trailingSlash ? "/" : ""}`;
}

/** The page `next` points at, or null when we must not follow it (foreign host, odd path, secrets). */
export function pageFromNext(next: string, baseUrl: string): LeiPage | null {
  let url: URL;
  const endpoint = new URL(leiLocationUrl(baseUrl));
  try {
    url = new URL(next, endpoint);
  } catch {
    return null;
  }
  if (url.origin !== endpoint.origin || url.username !== "" || url.password !== "") return null;
  const trailingSlash = url.pathname === `${endpoint.pathname}/`;
  if (url.pathname !== endpoint.pathname && !trailingSlash) return null;
  const params = [...url.searchParams.entries()];
  if (params.length === 0 || params.length > MAX_PARAMS) return null;
  if (params.some(([k, v]) => SENSITIVE_PARAM.test(k) || v.length > MAX_VALUE_LENGTH)) return null;
  const callerId = url.searchParams.get("caller_id");
  if (!callerId || !/^\d{4,20}$/.test(callerId)) return null;
  return { callerId, params, trailingSlash };
}

export function encodeCursor(page: LeiPage): string {
  const json = JSON.stringify({ v: 1, s: page.trailingSlash, p: page.params });
  return Buffer.from(json, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): LeiPage {
  if (cursor.length > 8_192 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError();
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new InvalidCursorError();
  }
  const parsed = cursorSchema.safeParse(data);
  if (!parsed.success) throw new InvalidCursorError();
  const params = parsed.data.p;
  if (params.some(([k]) => SENSITIVE_PARAM.test(k))) throw new InvalidCursorError();
  const callerIds = params.filter(([k]) => k === "caller_id").map(([, v]) => v);
  if (callerIds.length !== 1 || !/^\d{4,20}$/.test(callerIds[0] ?? "")) throw new InvalidCursorError();
  return { callerId: callerIds[0] as string, params, trailingSlash: parsed.data.s };
}

/** The GET URL for a page, always on the configured base. */
export function pageUrl(baseUrl: string, page: LeiPage): string {
  return `${leiLocationUrl(baseUrl, page.trailingSlash)}?${new URLSearchParams(page.params)}`;
}
