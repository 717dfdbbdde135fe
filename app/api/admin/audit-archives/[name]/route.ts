import fs from "node:fs";
import { Readable } from "node:stream";
import { recordAudit } from "@/lib/audit/record";
import { auditArchivePath } from "@/lib/audit/retention";
import { getConfig } from "@/lib/config/env";
import { downloadResponse, notFound } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** GET /api/admin/audit-archives/{name} — download one archive (CSV); audited. */
export const GET = withRole<{ name: string }>("admin", async ({ params, user, meta, db }) => {
  const file = auditArchivePath(getConfig().dataDir, params.name);
  if (!file) throw notFound("No such archive.");
  await recordAudit({ action: "audit.archive_download", outcome: "success", actor: user, target: params.name, meta }, db);
  return downloadResponse({
    body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>,
    contentType: "text/csv; charset=utf-8",
    filename: params.name,
  });
});
