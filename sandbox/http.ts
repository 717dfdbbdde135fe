/** Response and request helpers that speak the upstreams' own wire habits (not our app's). */
import { readCapped } from "@/lib/server/read-capped";

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

/** DRF-style error: `{"detail": "..."}`. */
export function detail(status: number, message: string, headers: Record<string, string> = {}): Response {
  return json({ detail: message }, status, headers);
}

export const notFound = () => detail(404, "Not found.");

export function methodNotAllowed(method: string, allow: readonly string[]): Response {
  return detail(405, `Method "${method}" not allowed.`, { allow: allow.join(", ") });
}

/** What a load balancer in front of a dead upstream sends: HTML, not JSON. */
export function serviceUnavailable(): Response {
  const html =
    "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n" +
    "<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n</body>\r\n</html>\r\n";
  return new Response(html, { status: 503, headers: { "content-type": "text/html" } });
}

const MAX_BODY_BYTES = 64 * 1024;

export class BodyTooLargeError extends Error {}

export async function readText(req: Request): Promise<string> {
  const bytes = await readCapped(req.body, req.headers.get("content-length"), MAX_BODY_BYTES);
  if (bytes === null) throw new BodyTooLargeError("body too large");
  return Buffer.from(bytes).toString("utf8");
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; error: string };

export async function readJsonBody(req: Request): Promise<JsonBody> {
  const text = await readText(req);
  if (text.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** `Authorization: Bearer <token>` → the token; null when absent or not a bearer credential. */
export function bearerToken(req: Request): string | null {
  const header = req.headers.get("authorization");
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m ? (m[1] as string) : null;
}

/** Wait `ms` of real time, or less if the client goes away; resolves true when aborted. */
export function sleep(ms: number, signal: AbortSignal | null): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(true);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(false);
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
