import Link from "next/link";
import { formatCoordinates } from "@/components/console/format";
import { formatPhone } from "@/lib/phone/format";
import { formatUtc } from "@/lib/review/format";
import type { ReviewCallRow } from "@/lib/review/types";

const th = "px-3 py-2 font-semibold";
const none = <span className="text-muted">—</span>;

function Utc({ ms }: { ms: number | null }) {
  return ms === null ? none : <span className="font-mono text-xs whitespace-nowrap">{formatUtc(ms)}</span>;
}

/** The stored calls, newest first; the number opens the call. Times in UTC. */
export function ReviewTable({ rows }: { rows: ReviewCallRow[] }) {
  if (rows.length === 0) {
    return <p className="rounded-lg border border-line bg-raised p-4 text-muted">No stored call matches these filters.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-raised">
      <table className="min-w-full divide-y divide-line text-sm" aria-label="Stored calls">
        <thead className="text-left text-xs tracking-wide text-muted uppercase">
          <tr>
            <th scope="col" className={th}>Phone</th>
            <th scope="col" className={th}>Caller name</th>
            <th scope="col" className={th}>Call start (UTC)</th>
            <th scope="col" className={th}>Last location (UTC)</th>
            <th scope="col" className={th}>Ended (UTC)</th>
            <th scope="col" className={`${th} text-right`}>Locations</th>
            <th scope="col" className={th}>Shared</th>
            <th scope="col" className={th}>Jurisdiction</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line/70">
          {rows.map((r) => (
            <tr key={r.id} className="align-top hover:bg-hover" data-call-id={r.id} data-phone={r.phone} data-location-count={r.locationCount}>
              <td className="px-3 py-2 whitespace-nowrap">
                {/* No prefetch: opening a call is an audited view, and a prefetch is not one. */}
                <Link href={`/review/${r.id}`} prefetch={false} className="font-mono font-semibold text-accent underline-offset-2 hover:underline">
                  {formatPhone(r.phone)}
                </Link>
                {r.status === "active" ? <span className="ml-2 rounded border border-ok/50 px-1 text-[10px] font-semibold text-ok uppercase">active</span> : null}
              </td>
              <td className="px-3 py-2 text-fg">{r.callerName ?? <span className="text-muted">not sent</span>}</td>
              <td className="px-3 py-2 text-fg">
                <Utc ms={r.callStartTime} />
              </td>
              <td className="px-3 py-2 text-fg">
                <Utc ms={r.lastLocationAt} />
                {r.latest ? <span className="block font-mono text-[11px] text-muted">{formatCoordinates(r.latest.latitude, r.latest.longitude)}</span> : null}
              </td>
              <td className="px-3 py-2 text-fg">
                <Utc ms={r.endedAt} />
              </td>
              <td className="px-3 py-2 text-right text-fg tabular-nums">{r.locationCount}</td>
              <td className="px-3 py-2 text-fg">
                {r.shared ? (
                  <>
                    <span className="font-semibold text-accent">Data Share</span>
                    <span className="block text-xs text-muted">{r.share?.eccAccountId ?? "account not sent"}</span>
                  </>
                ) : (
                  <span className="text-muted">no</span>
                )}
              </td>
              <td className="px-3 py-2">
                {r.share?.outsideJurisdiction ? (
                  <span className="rounded bg-warn-bg px-1.5 py-px text-xs font-semibold text-warn">Outside</span>
                ) : r.share?.outsideJurisdiction === false ? (
                  <span className="text-xs text-muted">inside</span>
                ) : (
                  none
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
