import Link from "next/link";
import { AlertTimeline } from "@/components/alerts/alert-timeline";
import { AdditionalDataView } from "@/components/console/additional-data-cards";
import { PageShell } from "@/components/shell/page-shell";
import { pageAccess } from "@/components/shell/page-access";
import { viewAlertAdditionalData } from "@/lib/additional-data/view";
import { reviewAlert } from "@/lib/alerts/review";
import { alertIdSchema } from "@/lib/alerts/route-deps";
import { currentMeta } from "@/lib/auth/origin";
import { describeAlertLocation } from "@/lib/map/alert-features";
import { addressLine } from "@/lib/alerts/reshape";
import { isHttpError } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const metadata = { title: "Alert review · Dispatcher Map" };

/** `/review/alerts/<id>`: one alert, read-only, with its additional data, its whole timeline and who decided it; the view is audited. */
export default async function AlertReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, db, denied } = await pageAccess("supervisor", `/review/alerts/${id}`);
  if (denied) return denied;
  let data: Awaited<ReturnType<typeof reviewAlert>> | null = null;
  const meta = await currentMeta();
  try {
    data = await reviewAlert(db, user, alertIdSchema.parse(decodeURIComponent(id)), meta);
  } catch (err) {
    if (!(isHttpError(err) && err.status === 404)) throw err;
  }
  // The medical and contact details the alert brought, audited as a view of them as on the console.
  const additional = data ? await viewAlertAdditionalData({ db, user, meta, context: "review" }, data.alert.id) : null;
  return (
    <PageShell user={user} current="/review">
      {!data ? (
        <section className="mx-auto max-w-xl rounded-lg border border-line bg-raised p-6">
          <h1 className="text-lg font-semibold">No such alert</h1>
          <Link href="/review/alerts" className="mt-4 inline-block text-accent underline underline-offset-2">
            All alerts
          </Link>
        </section>
      ) : (
        <div className="mx-auto flex max-w-4xl flex-col gap-3" data-alert-id={data.alert.id}>
          <h1 className="text-xl font-semibold">
            {data.alert.emergencyType.displayName} alert — {data.alert.status.displayName}
            {data.alert.disposition ? ` · ${data.alert.disposition.displayName}` : ""}
          </h1>
          <p className="text-sm">
            {addressLine(data.alert.location.civic) ?? "No address"} — {describeAlertLocation(data.alert.location)}
          </p>
          <p className="text-sm" data-testid="review-decided-by">
            {data.decidedBy ? `${data.decidedBy.action === "accepted" ? "Accepted" : "Declined"} by ${data.decidedBy.email} at ${new Date(data.decidedBy.at).toISOString()}` : "Nobody here accepted or declined it."}
            {data.alert.declineReason ? ` Reason: “${data.alert.declineReason}”.` : ""}
          </p>
          <p className="flex gap-3 text-sm">
            <a className="text-accent underline" href={`/api/review/alerts/${encodeURIComponent(data.alert.id)}/export?format=csv`}>
              Export CSV
            </a>
            <a className="text-accent underline" href={`/api/review/alerts/${encodeURIComponent(data.alert.id)}/export?format=geojson`}>
              Export GeoJSON
            </a>
          </p>
          {additional ? <AdditionalDataView data={additional.data} of="alert" /> : null}
          <AlertTimeline entries={data.timeline} />
        </div>
      )}
    </PageShell>
  );
}
