import Link from "next/link";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "@/lib/audit/actions";
import type { AuditFilters } from "@/lib/audit/filters";

const field =
  "mt-1 rounded-md border border-line bg-raised px-2 py-1.5 text-sm text-fg " +
  "focus:border-focus focus:outline-none focus:ring-2 focus:ring-focus/40";

const FAMILIES = [...new Set(AUDIT_ACTIONS.map((a) => `${a.split(".")[0]}.`))];
const localUtc = (d: Date | undefined) => (d ? d.toISOString().slice(0, 19) : "");

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked or shared. */
export function AuditFilterForm({ filters }: { filters: AuditFilters }) {
  return (
    <form method="get" action="/audit" aria-label="Filter the audit trail" className="flex flex-wrap items-end gap-3 rounded-lg border border-line bg-raised/60 p-4">
      <label className="flex flex-col text-sm text-fg">
        User (e-mail contains)
        <input name="user" defaultValue={filters.user ?? ""} className={`${field} w-56`} />
      </label>
      <label className="flex flex-col text-sm text-fg">
        Action
        <select name="action" defaultValue={filters.action ?? ""} className={field}>
          <option value="">any</option>
          {FAMILIES.map((f) => (
            <option key={f} value={f}>
              {f}* (all)
            </option>
          ))}
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-sm text-fg">
        Outcome
        <select name="outcome" defaultValue={filters.outcome ?? ""} className={field}>
          <option value="">any</option>
          {AUDIT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-sm text-fg">
        From (UTC)
        <input name="from" type="datetime-local" step="1" defaultValue={localUtc(filters.from)} className={field} />
      </label>
      <label className="flex flex-col text-sm text-fg">
        To (UTC)
        <input name="to" type="datetime-local" step="1" defaultValue={localUtc(filters.to)} className={field} />
      </label>
      <label className="flex flex-col text-sm text-fg">
        Phone number
        <input name="phone" inputMode="tel" defaultValue={filters.phone ?? ""} className={`${field} w-40`} />
      </label>
      <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-fg hover:opacity-90 focus:outline-none focus:ring-2 focus:ring-focus">
        Apply filters
      </button>
      <Link href="/audit" className="px-2 py-1.5 text-sm text-accent underline underline-offset-2">
        Clear
      </Link>
    </form>
  );
}
