import Link from "next/link";
import { ReviewFilterForm, type ReviewFormValues } from "@/components/review/review-filter-form";
import { ReviewTable } from "@/components/review/review-table";
import { PageShell } from "@/components/shell/page-shell";
import { currentMeta } from "@/lib/auth/origin";
import { pageAccess } from "@/components/shell/page-access";
import { getConfig } from "@/lib/config/env";
import { reviewFiltersToSearchParams, reviewPageSchema } from "@/lib/review/filters";
import { searchReviewCalls } from "@/lib/review/audited-review";
import { describeZodError } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const metadata = { title: "Review · Dispatcher Map" };

type Search = Record<string, string | string[] | undefined>;

const utcInput = (d: Date | undefined, raw: string | undefined) => (d ? d.toISOString().slice(0, 19) : (raw ?? ""));

/** `/review`: every stored call, newest first, for supervisors to search and open. */
export default async function ReviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { user, db, denied } = await pageAccess("supervisor", "/review");
  if (denied) return denied;
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string"));
  const parsed = reviewPageSchema.safeParse(raw);
  const query = parsed.success ? parsed.data : null;
  const page = query ? await searchReviewCalls(db, user, query, await currentMeta()) : null;
  const { before, limit, ...filters } = query ?? {};
  const params = reviewFiltersToSearchParams(filters);
  const values: ReviewFormValues = {
    phone: raw.phone ?? "",
    from: utcInput(filters.from, raw.from),
    to: utcInput(filters.to, raw.to),
    status: raw.status ?? "",
    shared: filters.shared ?? false,
  };
  const withLimit = (p: URLSearchParams) => (limit ? new URLSearchParams([...p, ["limit", String(limit)]]) : p);

  return (
    <PageShell user={user} current="/review">
      <div className="mx-auto flex max-w-7xl flex-col gap-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-xl font-semibold">Call review</h1>
          <p className="text-sm text-muted">
            Every location the app received from RapidSOS, kept {getConfig().retentionDays} days. Times in UTC. Opening a call is recorded in the audit
            trail.{" "}
            <Link href="/review/alerts" className="text-accent underline underline-offset-2">
              Central-station alerts
            </Link>
          </p>
        </div>
        <ReviewFilterForm values={values} />
        {!parsed.success ? (
          <p role="alert" className="rounded-md border border-danger/50 bg-danger-bg px-3 py-2 text-sm text-danger">
            The filters are not valid: {describeZodError(parsed.error)}
          </p>
        ) : null}
        {page ? <ReviewTable rows={page.calls} /> : null}
        <nav aria-label="Pages" className="flex gap-4 text-sm">
          {before !== undefined ? (
            <Link href={`/review?${withLimit(params)}`} className="text-accent underline underline-offset-2">
              Newest calls
            </Link>
          ) : null}
          {page?.nextBefore ? (
            <Link href={`/review?${withLimit(new URLSearchParams([...params, ["before", page.nextBefore]]))}`} className="text-accent underline underline-offset-2">
              Older calls
            </Link>
          ) : null}
        </nav>
      </div>
    </PageShell>
  );
}
