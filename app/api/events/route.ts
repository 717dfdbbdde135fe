import { liveStream } from "@/lib/live/sse";
import { withRole } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** GET /api/events — server-sent "this changed" nudges for the console (no data, just wake-ups). */
export const GET = withRole("telecommunicator", async ({ req }) => liveStream(req.signal));
