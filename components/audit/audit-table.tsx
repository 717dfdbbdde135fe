import type { AuditRow } from "@/lib/audit/record";

const OUTCOME_CLASS: Record<AuditRow["outcome"], string> = {
  success: "text-ok",
  failure: "text-danger",
  denied: "text-warn",
  error: "text-danger",
};

function Detail({ detail }: { detail: Record<string, unknown> }) {
  const text = JSON.stringify(detail);
  if (text === "{}") return null;
  return <code className="block max-w-md break-words font-mono text-xs text-fg">{text}</code>;
}

/** The audit rows as a table: when (UTC, ms), who, what, about what, from where, outcome, detail. */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  if (rows.length === 0) {
    return <p className="rounded-lg border border-line p-4 text-muted">No audit rows match these filters.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-line">
      <table className="min-w-full divide-y divide-line text-sm">
        <caption className="sr-only">Audit trail, newest first</caption>
        <thead className="bg-raised text-left text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-3 py-2">When (UTC)</th>
            <th scope="col" className="px-3 py-2">Who</th>
            <th scope="col" className="px-3 py-2">Action</th>
            <th scope="col" className="px-3 py-2">Outcome</th>
            <th scope="col" className="px-3 py-2">Target</th>
            <th scope="col" className="px-3 py-2">Phone</th>
            <th scope="col" className="px-3 py-2">From</th>
            <th scope="col" className="px-3 py-2">Detail</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((r) => (
            <tr key={r.id} className="align-top">
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs text-fg">
                {r.at.toISOString().replace("T", " ")}
              </td>
              <td className="px-3 py-2 text-fg">{r.actorEmail ?? <span className="text-muted">system</span>}</td>
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{r.action}</td>
              <td className={`px-3 py-2 ${OUTCOME_CLASS[r.outcome]}`}>{r.outcome}</td>
              <td className="px-3 py-2 text-fg">{r.target}</td>
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{r.phone}</td>
              <td className="px-3 py-2 text-xs text-muted">
                <div className="font-mono">{r.ip}</div>
                <div className="max-w-48 truncate" title={r.userAgent ?? undefined}>
                  {r.userAgent}
                </div>
              </td>
              <td className="px-3 py-2">
                <Detail detail={r.detail} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
