import { sessionStillActive } from "@/lib/auth/request";
import { liveBus } from "@/lib/live/bus";
import { deviceFeed } from "@/lib/live/devices";
import { liveStream } from "@/lib/live/sse";
import { streamLimits, tooManyStreams } from "@/lib/live/stream-limits";
import { dataNow } from "@/lib/server/clock";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/**
 * GET /api/events — the console's live stream: call nudges, and device changes themselves
 * (a reconnecting EventSource's Last-Event-ID gets what it missed). Streams are capped per session
 * and per instance.
 */
export const GET = withRole("telecommunicator", async ({ req, user, meta }) => {
  const release = streamLimits().acquire(user.sessionId);
  if (!release) return tooManyStreams();
  return liveStream({
    bus: liveBus(),
    devices: { feed: deviceFeed(), now: dataNow, lastEventId: req.headers.get("last-event-id") },
    signal: req.signal,
    stillAllowed: () => sessionStillActive(user.sessionId, meta),
    onClose: release,
  });
});
