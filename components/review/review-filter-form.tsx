import Link from "next/link";

const field =
  "mt-1 rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-fg " +
  "focus:border-focus focus:outline-none focus:ring-2 focus:ring-focus/40";

/** The form's fields as typed (so a bad value comes back for correcting), times as UTC "YYYY-MM-DDTHH:MM:SS". */
export interface ReviewFormValues {
  phone: string;
  from: string;
  to: string;
  status: string;
  shared: boolean;
}

/** A plain GET form: the filters live in the URL, so a search can be bookmarked or handed over. */
export function ReviewFilterForm({ values }: { values: ReviewFormValues }) {
  return (
    <form method="get" action="/review" aria-label="Filter stored calls" className="flex flex-wrap items-end gap-3 rounded-lg border border-line bg-raised p-4">
      <label className="flex flex-col text-sm text-fg">
        Phone number
        <input name="phone" inputMode="tel" placeholder="412-555-0101" defaultValue={values.phone} className={`${field} w-44`} />
      </label>
      <label className="flex flex-col text-sm text-fg">
        Call start from (UTC)
        <input name="from" type="datetime-local" step="1" defaultValue={values.from} className={field} />
      </label>
      <label className="flex flex-col text-sm text-fg">
        to (UTC)
        <input name="to" type="datetime-local" step="1" defaultValue={values.to} className={field} />
      </label>
      <label className="flex flex-col text-sm text-fg">
        Status
        <select name="status" defaultValue={values.status} className={field}>
          <option value="">any</option>
          <option value="active">active</option>
          <option value="ended">ended</option>
        </select>
      </label>
      <label className="flex items-center gap-2 self-center pt-5 text-sm text-fg">
        <input name="shared" type="checkbox" value="1" defaultChecked={values.shared} className="size-4 accent-[var(--dm-accent)]" />
        Shared only
      </label>
      <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-fg hover:opacity-90 focus:outline-none focus-visible:ring-2 focus-visible:ring-focus">
        Search
      </button>
      <Link href="/review" className="px-2 py-1.5 text-sm text-accent underline underline-offset-2">
        Clear
      </Link>
    </form>
  );
}
