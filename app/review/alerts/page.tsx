import Link from "next/link";
import { PageShell } from "@/components/shell/page-shell";
import { pageAccess } from "@/components/shell/page-access";
import { listReviewAlerts } from "@/lib/alerts/review";
import { currentMeta } from "@/lib/auth/origin";
import { getConfig } from "@/lib/config/env";

export const dynamic = "force-dynamic";
export const metadata = { title: "Alert review · Dispatcher Map" };

const utc = (ms: number) => new Date(ms).toISOString().replace("T", " ").slice(0, 19);

/** `/review/alerts`: every stored central-station alert, newest first (audited as a search). */
export default async function AlertReviewList() {
  const { user, db, denied } = await pageAccess("supervisor", "/review/alerts");
  if (denied) return denied;
  const { alerts } = await listReviewAlerts(db, user, {}, await currentMeta());
  return (
    <PageShell user={user} current="/review">
      <div className="mx-auto flex max-w-7xl flex-col gap-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-xl font-semibold">Alert review</h1>
          <p className="text-sm text-muted">
            Central-station alerts from RapidSOS, kept {getConfig().retentionDays} days (RapidSOS keeps them 12 hours). Times in UTC.{" "}
            <Link href="/review" className="text-accent underline underline-offset-2">
              Calls
            </Link>
          </p>
        </div>
        <table className="w-full text-left text-sm" aria-label="Alerts">
          <thead className="text-xs text-muted uppercase">
            <tr>
              <th className="py-1">Created (UTC)</th>
              <th>Type</th>
              <th>Where</th>
              <th>Status</th>
              <th>Decided by</th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((a) => (
              <tr key={a.id} data-alert-id={a.id} className="border-t border-line">
                <td className="py-1 font-mono tabular-nums">{utc(a.createdTime)}</td>
                <td>
                  <Link href={`/review/alerts/${encodeURIComponent(a.id)}`} className="text-accent underline underline-offset-2">
                    {a.emergencyType.displayName}
                  </Link>
                </td>
                <td>{a.address ?? (a.location.point ? `${a.location.point.lat.toFixed(5)}, ${a.location.point.lon.toFixed(5)}` : "—")}</td>
                <td>
                  {a.status.displayName}
                  {a.disposition ? ` · ${a.disposition.displayName}` : ""}
                </td>
                <td>{a.decidedBy ? `${a.decidedBy.action} by ${a.decidedBy.email} at ${utc(a.decidedBy.at).slice(11)}` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {alerts.length === 0 ? <p className="text-muted">No alerts stored.</p> : null}
      </div>
    </PageShell>
  );
}
