"use client";

import type { ThrottledSource } from "@/lib/auth/source-throttle";
import { RequestMessage } from "./request-message";
import { buttonClass } from "./styles";
import { useAdminRequest } from "./use-admin-request";

const utc = (iso: string | null) => (iso ? `${iso.slice(11, 19)} UTC` : "—");

/** Client addresses with failed sign-ins in their window: counts, whether they wait, and a way to clear them. */
export function ThrottledSources({ sources }: { sources: ThrottledSource[] }) {
  const { send, busy, message } = useAdminRequest();
  return (
    <section aria-labelledby="throttled-heading" className="flex flex-col gap-2">
      <h2 id="throttled-heading" className="text-lg font-semibold">
        Sign-in failures by address
      </h2>
      {sources.length === 0 ? (
        <p className="text-sm text-muted">No address has failed sign-ins in the last 15 minutes.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-line">
          <table className="min-w-full divide-y divide-line text-sm">
            <caption className="sr-only">Client addresses with failed sign-ins</caption>
            <thead className="bg-raised text-left text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-3 py-2">Address</th>
                <th scope="col" className="px-3 py-2">Failures</th>
                <th scope="col" className="px-3 py-2">Refused (429)</th>
                <th scope="col" className="px-3 py-2">Waits until</th>
                <th scope="col" className="px-3 py-2">Last tried</th>
                <th scope="col" className="px-3 py-2">Action</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {sources.map((s) => (
                <tr key={s.source} data-testid={`source-${s.source}`}>
                  <td className="px-3 py-2 font-mono text-fg">{s.source}</td>
                  <td className="px-3 py-2 text-fg">{s.failures}</td>
                  <td className="px-3 py-2 text-fg">{s.refused}</td>
                  <td className="px-3 py-2 text-fg">{utc(s.blockedUntil)}</td>
                  <td className="px-3 py-2 text-muted">
                    {utc(s.lastFailureAt)} {s.lastEmail ? `· ${s.lastEmail}` : ""}
                  </td>
                  <td className="px-3 py-2">
                    <button
                      type="button"
                      disabled={busy}
                      className={buttonClass}
                      aria-label={`Clear ${s.source}`}
                      onClick={() => void send("/api/admin/signin-throttle", "DELETE", { source: s.source }, `${s.source} may sign in again.`)}
                    >
                      Clear
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RequestMessage message={message} />
    </section>
  );
}
