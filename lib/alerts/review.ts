import "server-only";
/**
 * Supervisor review of alerts, kept past the vendor's 12 hours: the list, one alert with its whole
 * timeline (who accepted or declined it and when), and exports as for calls (CSV, GeoJSON). Every
 * view and export is audited before it is answered.
 */
import { desc, gte, lte, and } from "drizzle-orm";
import { csvLine } from "@/lib/audit/csv";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/types";
import type { Db } from "@/lib/db/client";
import { alerts } from "@/lib/db/schema";
import type { RequestMeta } from "@/lib/server/http";
import { alertDetail, summarize } from "./console-alerts";
import { decisions } from "./store";
import type { AlertDetailResponse, AlertSummary } from "./types";

export async function listReviewAlerts(db: Db, user: SessionUser, range: { from?: number; to?: number }, meta: RequestMeta): Promise<{ alerts: AlertSummary[] }> {
  const where = and(range.from ? gte(alerts.createdTime, range.from) : undefined, range.to ? lte(alerts.createdTime, range.to) : undefined);
  const rows = await db.select({ alert: alerts.alert }).from(alerts).where(where).orderBy(desc(alerts.createdTime)).limit(500);
  const decided = new Map<string, AlertSummary["decidedBy"]>();
  for (const d of await decisions(db, rows.map((r) => r.alert.id))) {
    if (!decided.has(d.alertId)) decided.set(d.alertId, { email: d.actorEmail ?? "unknown", at: d.at, action: d.data.action === "accept" ? "accepted" : "declined" });
  }
  await recordAudit({ action: "review.search", outcome: "success", actor: user, meta, detail: { kind: "alerts", ...range, results: rows.length } }, db);
  return { alerts: rows.map((r) => summarize(r.alert, decided.get(r.alert.id) ?? null)) };
}

export async function reviewAlert(db: Db, user: SessionUser, id: string, meta: RequestMeta): Promise<AlertDetailResponse> {
  const detail = await alertDetail(db, id);
  await recordAudit({ action: "review.view", outcome: "success", actor: user, target: `alert:${id}`, meta }, db);
  return detail;
}

export interface ExportFile {
  body: string;
  contentType: string;
  filename: string;
}

export async function exportReviewAlert(db: Db, user: SessionUser, id: string, format: "csv" | "geojson", meta: RequestMeta): Promise<ExportFile> {
  const { alert, timeline } = await alertDetail(db, id);
  await recordAudit({ action: "review.export", outcome: "success", actor: user, target: `alert:${id}`, meta, detail: { format } }, db);
  const safeId = id.replace(/[^A-Za-z0-9-]/g, "_").slice(0, 80);
  if (format === "geojson") {
    const features = alert.history
      .filter((l) => l.point)
      .map((l) => ({
        type: "Feature",
        geometry: { type: "Point", coordinates: [l.point!.lon, l.point!.lat] },
        properties: { at: l.at, radius_m: l.radiusM, provided: l.provided },
      }));
    return { body: JSON.stringify({ type: "FeatureCollection", features }), contentType: "application/geo+json", filename: `alert-${safeId}.geojson` };
  }
  let body = csvLine(["at_utc", "kind", "text", "who", "ours"]);
  for (const t of timeline) body += csvLine([new Date(t.at).toISOString(), t.kind, t.text, t.who, t.ours]);
  return { body, contentType: "text/csv; charset=utf-8", filename: `alert-${safeId}.csv` };
}
