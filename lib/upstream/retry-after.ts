/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). Null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return clamp(Number(text));
  // Date.parse reads "-5" or "1.5" as dates; an HTTP date always names its month.
  if (!/[a-z]{3}/i.test(text)) return null;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return clamp(Math.ceil((date - now) / 1000));
}

// An upstream asking us to wait a day is wrong or hostile; a telecommunicator needs an answer.
const MAX_RETRY_AFTER_SECONDS = 3600;

function clamp(seconds: number): number {
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, seconds));
}
