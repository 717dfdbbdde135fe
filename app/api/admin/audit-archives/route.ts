import { listAuditArchives } from "@/lib/audit/retention";
import { getConfig } from "@/lib/config/env";
import { jsonResponse } from "@/lib/server/http";
import { withRole } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** GET /api/admin/audit-archives — the files the audit retention job wrote before it purged rows. */
export const GET = withRole("admin", async () => jsonResponse({ archives: listAuditArchives(getConfig().dataDir) }));
