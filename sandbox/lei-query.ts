/**
 * LEI request semantics from RapidSOS LEI 1.5, as pure functions: which caller, which records, which
 * page, and the `next` URL (Django REST framework LimitOffsetPagination style).
 */

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;

export interface LeiParams {
  callerId: string;
  /** Only records created after this (ms); null when absent or ignored. */
  start: number | null;
  /** Page size; null when absent or ignored. */
  limit: number | null;
  offset: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; detail: string };

/** "If set to a value other than a positive integer, will be ignored." */
export function positiveInt(raw: unknown): number | null {
  if (typeof raw === "number") return Number.isSafeInteger(raw) && raw > 0 ? raw : null;
  if (typeof raw !== "string" || !/^\d+$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** Digits only, country code included (US: 11 digits starting with 1). */
export function checkCallerId(raw: unknown): Parsed<string> {
  if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) {
    return { ok: false, detail: "caller_id is required: the caller's phone number, digits with country code (e.g. 15555555555)." };
  }
  const value = typeof raw === "number" && Number.isSafeInteger(raw) ? String(raw) : raw;
  if (typeof value !== "string" || !/^\d+$/.test(value)) {
    return { ok: false, detail: "caller_id must contain digits only, including the country code (e.g. 15555555555)." };
  }
  if (value.length === 10 && !value.startsWith("1")) {
    return { ok: false, detail: "caller_id must include the country code (e.g. 15555555555 for 555-555-5555)." };
  }
  if (value.length < 11 || value.length > 15 || (value.startsWith("1") && value.length !== 11)) {
    return { ok: false, detail: "caller_id is not a valid phone number: digits with country code, e.g. 15555555555." };
  }
  return { ok: true, value };
}

/** The caller named by a POST body's `query` ("tel://15555555555"). */
export function callerFromTelUri(raw: unknown): Parsed<string> {
  if (typeof raw !== "string") return { ok: false, detail: 'query must be a string such as "tel://15555555555".' };
  const m = /^tel:(?:\/\/)?\+?(.*)$/i.exec(raw.trim());
  if (!m) return { ok: false, detail: 'query must be a tel URI such as "tel://15555555555".' };
  return checkCallerId(m[1]);
}

export interface RawLeiInput {
  caller_id?: unknown;
  query?: unknown;
  start?: unknown;
  limit?: unknown;
  offset?: unknown;
}

export function parseLeiInput(input: RawLeiInput): Parsed<LeiParams> {
  let caller: Parsed<string>;
  if (input.caller_id !== undefined) {
    caller = checkCallerId(input.caller_id);
    if (caller.ok && input.query !== undefined) {
      const fromQuery = callerFromTelUri(input.query);
      if (fromQuery.ok && fromQuery.value !== caller.value) {
        return { ok: false, detail: "caller_id and query name different callers." };
      }
    }
  } else if (input.query !== undefined) {
    caller = callerFromTelUri(input.query);
  } else {
    caller = checkCallerId(undefined);
  }
  if (!caller.ok) return caller;
  const limit = positiveInt(input.limit);
  return {
    ok: true,
    value: {
      callerId: caller.value,
      start: positiveInt(input.start),
      limit: limit === null ? null : Math.min(limit, MAX_LIMIT),
      offset: positiveInt(input.offset) ?? 0,
    },
  };
}

export interface TimedRecord {
  createdTime: number;
}

export interface Page<R> {
  results: R[];
  /** Offset of the following page, or null when this is the last one. */
  nextOffset: number | null;
  limit: number | null;
}

/**
 * Pick the page to return from the records currently served (oldest first), or null for 404.
 * No start and no limit → only the latest record. Otherwise ascending from `start` (or from the
 * oldest record), `limit` per page.
 */
export function selectPage<R extends TimedRecord>(served: readonly R[], p: LeiParams): Page<R> | null {
  if (served.length === 0) return null;
  if (p.start === null && p.limit === null) {
    if (p.offset > 0) return null;
    return { results: [served[served.length - 1] as R], nextOffset: null, limit: null };
  }
  const start = p.start;
  const matching = start === null ? served : served.filter((r) => r.createdTime > start);
  const limit = p.limit ?? DEFAULT_LIMIT;
  if (p.offset >= matching.length) return null;
  const results = matching.slice(p.offset, p.offset + limit);
  const nextOffset = p.offset + limit < matching.length ? p.offset + limit : null;
  return { results, nextOffset, limit };
}

/** The absolute URL of the following page: same caller/start/limit, new offset. */
export function nextUrl(origin: string, pathname: string, p: LeiParams, limit: number, offset: number): string {
  const q = new URLSearchParams({ caller_id: p.callerId });
  if (p.start !== null) q.set("start", String(p.start));
  q.set("limit", String(limit));
  q.set("offset", String(offset));
  return `${origin}${pathname}?${q.toString()}`;
}
