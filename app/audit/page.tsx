import Link from "next/link";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { AuditTable } from "@/components/audit/audit-table";
import { PageShell } from "@/components/shell/page-shell";
import { auditPageSchema, filtersToSearchParams } from "@/lib/audit/filters";
import { viewAudit } from "@/lib/audit/audit-trail";
import { currentMeta } from "@/lib/auth/origin";
import { pageAccess } from "@/components/shell/page-access";
import { describeZodError } from "@/lib/server/http";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit · Dispatcher Map" };

type Search = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { user, db, denied } = await pageAccess("supervisor", "/audit");
  if (denied) return denied;
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string"));
  const parsed = auditPageSchema.safeParse(raw);
  const { before, ...filters } = parsed.success ? parsed.data : {};
  const page = parsed.success ? await viewAudit(db, user, filters, { before }, await currentMeta()) : null;
  const query = filtersToSearchParams(filters);

  return (
    <PageShell user={user} current="/audit">
      <div className="flex flex-col gap-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-xl font-semibold">Audit trail</h1>
          <a href={`/api/audit/export?${query}`} download className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-sunken focus:outline-none focus:ring-2 focus:ring-focus">
            Export these rows as CSV
          </a>
        </div>
        <AuditFilterForm filters={filters} />
        {!parsed.success && (
          <p role="alert" className="text-danger">
            The filters are not valid: {describeZodError(parsed.error)}
          </p>
        )}
        {page && <AuditTable rows={page.rows} />}
        <nav aria-label="Pages" className="flex gap-4 text-sm">
          {before !== undefined && (
            <Link href={`/audit?${query}`} className="text-accent underline underline-offset-2">
              Newest rows
            </Link>
          )}
          {page?.nextBefore && (
            <Link href={`/audit?${new URLSearchParams([...query, ["before", String(page.nextBefore)]])}`} className="text-accent underline underline-offset-2">
              Older rows
            </Link>
          )}
        </nav>
      </div>
    </PageShell>
  );
}
