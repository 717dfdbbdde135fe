/**
 * The one error type, the one error mapper, and reading request bodies and queries safely. A leaf:
 * anything may throw an `HttpError` without pulling in sessions or the database. The route
 * wrappers that turn these into responses are in `route.ts`.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { clientAddress, configuredTrustedProxies } from "./client-address";
import { log } from "./log";
import { readCapped } from "./read-capped";

const HTTP_ERROR = Symbol.for("dispatcher-map.http-error");

export class HttpError extends Error {
  /** Recognised by `isHttpError` across bundles: Next loads a module once per bundle, so an error
   * thrown by a singleton another bundle created fails `instanceof` here. */
  readonly [HTTP_ERROR] = true;

  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${code}: ${detail}`);
    this.name = "HttpError";
  }
}

export function isHttpError(err: unknown): err is HttpError {
  return typeof err === "object" && err !== null && (err as Record<symbol, unknown>)[HTTP_ERROR] === true;
}

export const badRequest = (detail: string) => new HttpError(400, "bad_request", detail);
export const notFound = (detail = "Not found.") => new HttpError(404, "not_found", detail);

export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

export function requestMeta(req: Request): RequestMeta {
  // Forwarding headers count only from a trusted proxy hop (client-address.ts).
  const ip = clientAddress(req.headers, configuredTrustedProxies());
  return {
    requestId: req.headers.get("x-request-id") ?? randomUUID(),
    ip,
    userAgent: req.headers.get("user-agent"),
  };
}

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { ...init, headers });
}

/** Map anything thrown by a handler to a response. Unknown errors become an opaque 500. */
export function errorResponse(err: unknown, meta?: RequestMeta): Response {
  if (isHttpError(err)) {
    return jsonResponse(
      { error: err.code, detail: err.detail },
      { status: err.status, headers: err.headers },
    );
  }
  if (err instanceof z.ZodError) {
    return jsonResponse({ error: "bad_request", detail: describeZodError(err) }, { status: 400 });
  }
  log().error({ err, requestId: meta?.requestId }, "unhandled error in route handler");
  return jsonResponse(
    { error: "internal", detail: "Internal error. The request was not completed." },
    { status: 500 },
  );
}

export function describeZodError(err: z.ZodError): string {
  return err.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

/**
 * Read a JSON body with a size cap, then validate it. Over the cap → 413; not JSON → 400;
 * invalid → 400 naming the field.
 */
export async function readJson<T>(
  req: Request,
  schema: z.ZodType<T>,
  maxBytes = 64 * 1024,
): Promise<T> {
  const text = await readText(req, maxBytes);
  let data: unknown;
  try {
    data = text === "" ? {} : JSON.parse(text);
  } catch {
    throw badRequest("The body is not valid JSON.");
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw badRequest(describeZodError(parsed.error));
  return parsed.data;
}

/** Read the raw body, stopping as soon as it passes `maxBytes` (a 413, nothing buffered past it). */
export async function readText(req: Request, maxBytes: number): Promise<string> {
  const bytes = await readBytes(req, maxBytes);
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}

export async function readBytes(req: Request, maxBytes: number): Promise<Uint8Array> {
  const bytes = await readCapped(req.body, req.headers.get("content-length"), maxBytes);
  if (bytes === null) throw tooLarge(maxBytes);
  return bytes;
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, "payload_too_large", `The body is larger than ${maxBytes} bytes.`);
}

/** Validate URL query parameters (each a string) against a zod object schema. */
export function readQuery<T>(req: Request, schema: z.ZodType<T>): T {
  const params = Object.fromEntries(new URL(req.url).searchParams.entries());
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw badRequest(describeZodError(parsed.error));
  return parsed.data;
}

export interface DownloadFile {
  body: BodyInit;
  contentType: string;
  filename: string;
}

/** A file to download (exports, archives): never cached, never sniffed into something else. */
export function downloadResponse(file: DownloadFile): Response {
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
