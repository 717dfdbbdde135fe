import type { ReactNode } from "react";

/** One term and its value in a review side panel. */
export function Fact({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <div className="grid grid-cols-[7.5rem_1fr] gap-2 py-1">
      <dt className="text-xs text-muted">{term}</dt>
      <dd className="min-w-0 text-sm break-words text-fg" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** A titled card in the review side panel. */
export function Panel({ title, headingId, aside, children }: { title: string; headingId: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-line bg-raised">
      <h2 id={headingId} className="flex items-center justify-between gap-2 border-b border-line px-3 py-2 text-xs font-semibold tracking-wider text-muted uppercase">
        {title}
        {aside}
      </h2>
      <div className="px-3 py-2">{children}</div>
    </section>
  );
}
