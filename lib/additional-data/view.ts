import "server-only";
/**
 * Reading a call's or an alert's additional data, audited like a location lookup: who saw whose
 * medical and contact details, when, from where (`additional_data.view`, with the phone and call
 * id, or `alert:<id>` for a central-station alert).
 */
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/types";
import type { Db } from "@/lib/db/client";
import { dataNow } from "@/lib/server/clock";
import { notFound, type RequestMeta } from "@/lib/server/http";
import { readAdditionalData, readAlertAdditionalData } from "./store";
import type { AdditionalData, AdditionalDataResponse, AlertAdditionalDataResponse } from "./types";

/** Who reads, through which database, from where, and on which screen (audited as `context`). */
export interface Viewer {
  db: Db;
  user: SessionUser;
  meta: RequestMeta | null;
  context: "console" | "review";
}

async function audited(v: Viewer, subject: { target: string; phone?: string }, data: AdditionalData | null): Promise<void> {
  await recordAudit(
    {
      action: "additional_data.view",
      outcome: "success",
      actor: v.user,
      ...subject,
      meta: v.meta,
      detail: { context: v.context, present: data !== null, sections: data?.sections.length ?? 0, flags: data?.flags.length ?? 0 },
    },
    v.db,
  );
}

export async function viewAdditionalData(v: Viewer, callId: string): Promise<AdditionalDataResponse> {
  const found = await readAdditionalData(v.db, callId, dataNow());
  if (!found) throw notFound("No such call.");
  const { phone, ...response } = found;
  await audited(v, { target: callId, phone }, response.data);
  return response;
}

export async function viewAlertAdditionalData(v: Viewer, alertId: string): Promise<AlertAdditionalDataResponse> {
  const found = await readAlertAdditionalData(v.db, alertId, dataNow());
  if (!found) throw notFound("No such alert.");
  await audited(v, { target: `alert:${alertId}` }, found.data);
  return found;
}
