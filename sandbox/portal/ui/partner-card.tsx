import type { ReactNode } from "react";
import { SOLUTION_DESCRIPTION_MAX, SOLUTION_NAME_MAX, type PartnerView } from "@/sandbox/portal/types";

/** The partner configuration RapidSOS holds for us (the RapidSOS Data Share Partner Guide's table). The secret is never shown. */
export function PartnerCard({ partner }: { partner: PartnerView }) {
  const rows: [string, ReactNode][] = [
    ["Handler URL (sandbox)", <span key="u" className="font-mono break-all">{partner.handlerUrl}</span>],
    ["Solution name", `${partner.solutionName} (${partner.solutionName.length}/${SOLUTION_NAME_MAX})`],
    [
      "Solution description",
      `${partner.solutionDescription} (${partner.solutionDescription.length}/${SOLUTION_DESCRIPTION_MAX})`,
    ],
    ["Partner name", partner.partnerName],
    ["Secret key", partner.secretKeyConfigured ? "Configured (not shown)" : "Missing"],
    ["Support contact", partner.supportContact],
  ];
  return (
    <section aria-labelledby="partner-heading" className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="partner-heading" className="text-sm font-semibold text-slate-700">
        Data Share partner configuration
      </h2>
      <dl className="mt-3 grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {partner.problems.length > 0 && (
        <ul role="alert" className="mt-3 list-disc pl-5 text-sm text-red-800">
          {partner.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
