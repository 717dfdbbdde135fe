import Link from "next/link";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "@/lib/audit/actions";
import type { AuditFilters } from "@/lib/audit/filters";

const field =
  "mt-1 rounded-md border border-slate-600 bg-slate-900 px-2 py-1.5 text-sm text-slate-100 " +
  "focus:border-sky-400 focus:outline-none focus:ring-2 focus:ring-sky-400/40";

const FAMILIES = [...new Set(AUDIT_ACTIONS.map((a) => `${a.split(".")[0]}.`))];
const localUtc = (d: Date | undefined) => (d ? d.toISOString().slice(0, 19) : "");

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked or shared. */
export function AuditFilterForm({ filters }: { filters: AuditFilters }) {
  return (
    <form method="get" action="/audit" aria-label="Filter the audit trail" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-800 bg-slate-900/60 p-4">
      <label className="flex flex-col text-sm text-slate-300">
        User (e-mail contains)
        <input name="user" defaultValue={filters.user ?? ""} className={`${field} w-56`} />
      </label>
      <label className="flex flex-col text-sm text-slate-300">
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
      <label className="flex flex-col text-sm text-slate-300">
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
      <label className="flex flex-col text-sm text-slate-300">
        From (UTC)
        <input name="from" type="datetime-local" step="1" defaultValue={localUtc(filters.from)} className={field} />
      </label>
      <label className="flex flex-col text-sm text-slate-300">
        To (UTC)
        <input name="to" type="datetime-local" step="1" defaultValue={localUtc(filters.to)} className={field} />
      </label>
      <label className="flex flex-col text-sm text-slate-300">
        Phone number
        <input name="phone" inputMode="tel" defaultValue={filters.phone ?? ""} className={`${field} w-40`} />
      </label>
      <button type="submit" className="rounded-md bg-sky-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-300">
        Apply filters
      </button>
      <Link href="/audit" className="px-2 py-1.5 text-sm text-sky-300 underline underline-offset-2 hover:text-sky-200">
        Clear
      </Link>
    </form>
  );
}
