import { listDevices } from "@/lib/axon/client";
import { jsonResponse, withRole } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** GET /api/devices — every Axon device the agency's API client may see, all pages. */
export const GET = withRole("telecommunicator", async () => jsonResponse(await listDevices()));
