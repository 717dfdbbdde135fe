import { alertsRunner } from "@/lib/alerts/app-wiring";
import { listConsoleAlerts } from "@/lib/alerts/console-alerts";
import { jsonResponse } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** GET /api/alerts — the center's central-station alerts, newest first, with the data clock. */
export const GET = withRole("telecommunicator", async ({ db }) =>
  jsonResponse(await listConsoleAlerts(db, alertsRunner()?.eventsLive ?? false)),
);
