import { sessionStillActive } from "@/lib/auth/request";
import { liveBus } from "@/lib/live/bus";
import { liveStream } from "@/lib/live/sse";
import { streamLimits, tooManyStreams } from "@/lib/live/stream-limits";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** GET /api/events — server-sent "this changed" nudges for the console (no data, just wake-ups). */
export const GET = withRole("telecommunicator", async ({ req, user, meta }) => {
  const release = streamLimits().acquire(user.sessionId);
  if (!release) return tooManyStreams();
  return liveStream({
    bus: liveBus(),
    signal: req.signal,
    stillAllowed: () => sessionStillActive(user.sessionId, meta),
    onClose: release,
  });
});
