import { after } from "next/server";
import { listDevices } from "@/lib/axon/client";
import { recordDeviceTrails } from "@/lib/history/device-positions";
import { dataNow } from "@/lib/server/clock";
import { jsonResponse } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** GET /api/devices — every Axon device the agency's API client may see, all pages. */
export const GET = withRole("telecommunicator", async () => {
  const response = await listDevices();
  // Trails are kept for review, but the console need not wait for the write.
  after(() => recordDeviceTrails(response.devices));
  return jsonResponse({ ...response, serverTime: dataNow() });
});
