import { sessionStillActive } from "@/lib/auth/request";
import { liveBus } from "@/lib/live/bus";
import { deviceFeed } from "@/lib/live/devices";
import { liveStream } from "@/lib/live/sse";
import { dataNow } from "@/lib/server/clock";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/**
 * GET /api/events — the console's live stream: call nudges, and device changes themselves
 * (a reconnecting EventSource's Last-Event-ID gets what it missed).
 */
export const GET = withRole("telecommunicator", async ({ req, user, meta }) =>
  liveStream({
    bus: liveBus(),
    devices: { feed: deviceFeed(), now: dataNow, lastEventId: req.headers.get("last-event-id") },
    signal: req.signal,
    stillAllowed: () => sessionStillActive(user.sessionId, meta),
  }),
);
