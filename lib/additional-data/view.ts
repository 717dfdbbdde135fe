import "server-only";
/**
 * Reading a call's additional data, audited like a location lookup: who saw whose medical and
 * contact details, when, from where (`additional_data.view`, with the phone and call id).
 */
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/types";
import type { Db } from "@/lib/db/client";
import { dataNow } from "@/lib/server/clock";
import { notFound, type RequestMeta } from "@/lib/server/http";
import { readAdditionalData } from "./store";
import type { AdditionalDataResponse } from "./types";

export async function viewAdditionalData(
  db: Db,
  user: SessionUser,
  callId: string,
  meta: RequestMeta | null,
  context: "console" | "review",
): Promise<AdditionalDataResponse> {
  const found = await readAdditionalData(db, callId, dataNow());
  if (!found) throw notFound("No such call.");
  const { phone, ...response } = found;
  await recordAudit(
    {
      action: "additional_data.view",
      outcome: "success",
      actor: user,
      phone,
      target: callId,
      meta,
      detail: {
        context,
        present: response.data !== null,
        sections: response.data?.sections.length ?? 0,
        flags: response.data?.flags.length ?? 0,
      },
    },
    db,
  );
  return response;
}
