import { z } from "zod";
import { deviceFeed } from "@/lib/live/devices";
import { dataNow } from "@/lib/server/clock";
import { HttpError, jsonResponse, readQuery } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** How long a console opened as the server starts waits for the first device poll. */
const FIRST_POLL_WAIT_MS = 10_000;

const querySchema = z.object({ since: z.coerce.number().int().nonnegative().optional() });

/**
 * GET /api/devices — every Axon device the agency's API client may see, as the cluster's poller
 * last saw it (no upstream call per request). `?since=<version>` answers 304 when nothing changed,
 * only the changes when this instance still has them, else the whole state; so does If-None-Match.
 */
export const GET = withRole("telecommunicator", async ({ req }) => {
  const { since } = readQuery(req, querySchema);
  const feed = deviceFeed();
  if (!(await feed.settled(FIRST_POLL_WAIT_MS))) {
    throw new HttpError(502, "upstream_unavailable", feed.upstream.detail ?? "No body-camera data has arrived from Axon yet.");
  }
  const serverTime = dataNow();
  const etag = `"d${feed.version}"`;
  const headers = { etag, "x-server-time": String(serverTime) };
  const missing = since !== undefined ? feed.since(since) : req.headers.get("if-none-match") === etag ? "current" : null;
  if (missing === "current") return new Response(null, { status: 304, headers: { ...headers, "cache-control": "no-store" } });
  if (missing) return jsonResponse({ delta: missing, serverTime }, { headers });
  return jsonResponse(feed.snapshot(serverTime), { headers });
});
