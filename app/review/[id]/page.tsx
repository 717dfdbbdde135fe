import Link from "next/link";
import { ConsoleProviders } from "@/app/console-providers";
import { ThemeProvider } from "@/components/console/theme";
import { CallHeader } from "@/components/review/call-header";
import { CallReview } from "@/components/review/call-review";
import { PageShell } from "@/components/shell/page-shell";
import { currentMeta } from "@/lib/auth/origin";
import { pageAccess } from "@/components/shell/page-access";
import { callIdSchema } from "@/lib/calls/route-params";
import { getConfig } from "@/lib/config/env";
import type { Db } from "@/lib/db/client";
import { viewReviewCall } from "@/lib/review/audited-review";
import { viewAdditionalData } from "@/lib/additional-data/view";
import { isHttpError } from "@/lib/server/http";
import { requestTheme } from "@/lib/server/theme";

export const dynamic = "force-dynamic";
export const metadata = { title: "Call review · Dispatcher Map" };

async function load(db: Db, id: string, user: Parameters<typeof viewReviewCall>[1]) {
  try {
    // Rendering this page is the view: audited here, once, with the call's phone and id.
    return await viewReviewCall(db, user, callIdSchema.parse(id), await currentMeta());
  } catch (err) {
    if (isHttpError(err) && err.status === 404) return null;
    throw err;
  }
}

/** `/review/<id>`: one stored call, read-only: map, timeline, nearest cameras then, share. */
export default async function CallReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, db, denied } = await pageAccess("supervisor", `/review/${id}`);
  if (denied) return denied;
  const data = await load(db, id, user);
  // Medical and contact details are a view of their own in the audit trail.
  const additionalData = data ? await viewAdditionalData({ db, user, meta: await currentMeta(), context: "review" }, data.call.id) : null;
  const config = getConfig();
  return (
    <PageShell user={user} current="/review">
      {!data ? (
        <section className="mx-auto max-w-xl rounded-lg border border-line bg-raised p-6">
          <h1 className="text-lg font-semibold">No such call</h1>
          <p className="mt-2 text-muted">It may have passed the {config.retentionDays}-day retention period.</p>
          <Link href="/review" className="mt-4 inline-block text-accent underline underline-offset-2">
            All calls
          </Link>
        </section>
      ) : (
        <div className="flex flex-col gap-4">
          <CallHeader call={data.call} count={data.trail.length} />
          <ConsoleProviders>
            <ThemeProvider initial={await requestTheme()}>
              <CallReview data={data} additionalData={additionalData} displayConfidence={config.displayConfidence} mapStyleUrl={config.mapStyleUrl} />
            </ThemeProvider>
          </ConsoleProviders>
          <p className="text-xs text-muted">
            RapidSOS location, supplemental to the carrier (ALI) location. Reviewing or exporting changes no record; both are recorded in the audit trail.
          </p>
        </div>
      )}
    </PageShell>
  );
}
