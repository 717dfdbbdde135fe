"use client";

import { useId } from "react";
import type { AdditionalData, DataField, DataSection } from "@/lib/additional-data/types";
import { useAdditionalData, type AdditionalDataSubject } from "./use-additional-data";

function Fields({ fields }: { fields: DataField[] }) {
  return (
    <dl className="divide-y divide-line/50">
      {fields.map((f, i) => (
        <div key={i} className="grid grid-cols-[8rem_1fr] gap-2 py-0.5" data-flag={f.flag || undefined}>
          <dt className="text-xs text-muted">{f.label}</dt>
          <dd className={`min-w-0 text-sm break-words ${f.flag ? "font-semibold text-danger" : "text-fg"}`}>
            {f.value ?? <span className="font-normal text-muted">not sent</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Problems({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-warn" aria-label="Could not be shown">
      {problems.map((p, i) => (
        <li key={i}>{p}</li>
      ))}
    </ul>
  );
}

function Card({ section }: { section: DataSection }) {
  if (section.kind === "unreadable") {
    return (
      <article aria-label={section.label ?? "Unreadable section"} className="rounded border border-warn/60 bg-warn-bg p-2 text-sm text-warn" data-testid="additional-data-unreadable">
        {section.problem}
      </article>
    );
  }
  return (
    <article aria-label={section.label} className="rounded border border-line bg-raised p-2" data-section-type={section.type} data-known={section.known}>
      <h4 className="mb-1 flex items-baseline gap-2 text-sm font-semibold text-fg">
        {section.label}
        {section.known ? null : <span className="text-[11px] font-normal text-muted">shown as sent</span>}
      </h4>
      {section.fields.length > 0 ? <Fields fields={section.fields} /> : null}
      {section.items.map((item, i) => (
        <div key={i} className="mt-1 border-t border-line/60 pt-1">
          <p className="text-xs font-semibold text-fg">{item.label}</p>
          <Fields fields={item.fields} />
        </div>
      ))}
      {section.fields.length === 0 && section.items.length === 0 && section.problems.length === 0 ? <p className="text-xs text-muted">Empty.</p> : null}
      <Problems problems={section.problems} />
    </article>
  );
}

/** The flags that change a response (DNR, O2, deaf or speech-impaired, autism), in the data's own words. */
function Flags({ data }: { data: AdditionalData }) {
  if (data.flags.length === 0) return null;
  return (
    <ul aria-label="Response flags" className="flex flex-wrap gap-1">
      {data.flags.map((f, i) => (
        <li key={i} className="rounded bg-danger px-2 py-0.5 text-xs font-bold text-white" title={`${f.section}: ${f.label}`}>
          {f.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * The data rendered from its own labels: the flags that change a response first (unless shown
 * elsewhere, as the console does under the caller's name), then every section as sent.
 */
export function AdditionalDataView({ data, flags = true, of = "call" }: { data: AdditionalData | null; flags?: boolean; of?: AdditionalDataSubject["kind"] }) {
  // A caller's and an alert's details can be open at once: each heading has its own id.
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="flex flex-col gap-2" data-testid="additional-data">
      <h3 id={titleId} className="flex items-baseline gap-2 text-xs font-semibold tracking-wider text-muted uppercase">
        Additional data
        {data?.source ? <span className="font-normal normal-case tracking-normal">from {data.source}</span> : null}
      </h3>
      {data === null ? (
        <p className="text-sm text-muted">RapidSOS has sent no additional data for this {of}.</p>
      ) : (
        <>
          {flags ? <Flags data={data} /> : null}
          <Problems problems={data.problems} />
          {data.sections.map((s, i) => (
            <Card key={i} section={s} />
          ))}
        </>
      )}
    </section>
  );
}

/** The response flags, for the top of a caller's or an alert's details (one query with the cards). */
export function AdditionalDataFlags({ subject }: { subject: AdditionalDataSubject }) {
  const data = useAdditionalData(subject).data?.data;
  return data ? <Flags data={data} /> : null;
}

/** A caller's or an alert's additional data; a failure here never touches the rest of the panel. */
export function AdditionalDataCards({ subject }: { subject: AdditionalDataSubject }) {
  const q = useAdditionalData(subject);
  if (q.isPending) return <p className="text-sm text-muted">Loading additional data…</p>;
  if (q.isError && !q.data) return <p className="text-sm text-warn">Additional data could not be loaded; the {subject.kind} is not affected.</p>;
  return <AdditionalDataView data={q.data?.data ?? null} flags={false} of={subject.kind} />;
}
