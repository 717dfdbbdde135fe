import "server-only";
/** What the alert action routes share: the id parameter, the client (or a clear 503), the bus. */
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/types";
import type { Db } from "@/lib/db/client";
import { liveBus } from "@/lib/live/bus";
import { HttpError, type RequestMeta } from "@/lib/server/http";
import { alertsClient } from "./client";

export const alertIdSchema = z.string().min(1).max(200).regex(/^[A-Za-z0-9._:-]+$/, "not an alert id");

export function actDeps(db: Db, user: SessionUser, meta: RequestMeta) {
  const client = alertsClient();
  if (!client) throw new HttpError(503, "alerts_off", "RapidSOS Alerts is not configured on this server.");
  return { db, user, meta, client, bus: liveBus() };
}
