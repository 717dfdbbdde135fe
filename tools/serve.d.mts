/** Types for serve.mjs (plain JS so `node` runs the production server without a compiler). */
import type { IncomingMessage, ServerResponse } from "node:http";

export function acceptedEncodings(header: string | undefined): Array<"br" | "gzip">;
export interface Mount {
  prefix: string;
  dir: string;
  cacheControl: string;
}
export const MOUNTS: Mount[];
export function precompressedStatic(
  mounts: Mount[],
  headers: Array<[string, string]>,
): (req: IncomingMessage, res: ServerResponse) => boolean;
/** How long the server keeps an idle keep-alive connection open, in ms. */
export declare const KEEP_ALIVE_MS: number;
