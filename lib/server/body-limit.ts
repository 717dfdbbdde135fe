/**
 * The cap every request body meets before a handler runs. Each route that reads a body reads it
 * under its own, smaller cap (`readJson` 64 KB or less, the Data Share webhook 64 KB, Auth.js
 * 16 KB, the sandbox 64 KB, its control API 512 KB) and stops reading at it; this refuses at
 * once, from the declared length, anything bigger than any route takes, including routes that
 * never read their body. Server actions have Next's own cap (next.config.mjs).
 */
import { HttpError } from "./http";

export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

export function declaredBodyTooLarge(req: Request, maxBytes = MAX_REQUEST_BODY_BYTES): HttpError | null {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (!Number.isFinite(declared) || declared <= maxBytes) return null;
  return new HttpError(413, "payload_too_large", `The body is larger than ${maxBytes} bytes.`);
}
