"use client";

import type { PortalCall } from "@/sandbox/portal/types";
import { formatPhone } from "@/lib/phone/format";
import { callKind, elapsed } from "./format";

export interface CallListProps {
  calls: PortalCall[];
  now: number;
  selected: string | null;
  onSelect: (phone: string) => void;
}

/** The active 911 calls, one selectable at a time, as Portal's call queue shows them. */
export function CallList({ calls, now, selected, onSelect }: CallListProps) {
  return (
    <fieldset className="rounded-lg border border-slate-300 bg-white">
      <legend className="ml-3 px-1 text-sm font-semibold text-slate-700">Active 911 calls</legend>
      {calls.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-600">
          No active 911 calls right now. The sandbox starts a new one every few minutes.
        </p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {calls.map((call) => {
            const isSelected = call.phone === selected;
            return (
              <li key={call.phone}>
                <label
                  className={`flex cursor-pointer items-start gap-3 px-4 py-3 focus-within:outline focus-within:outline-2 focus-within:outline-sky-600 ${
                    isSelected ? "bg-sky-50" : "hover:bg-slate-50"
                  }`}
                >
                  <input
                    type="radio"
                    name="call"
                    value={call.phone}
                    checked={isSelected}
                    onChange={() => onSelect(call.phone)}
                    className="mt-1 accent-sky-700"
                    aria-label={`911 call from ${formatPhone(call.phone)}`}
                  />
                  <span className="flex-1">
                    <span className="block font-mono text-base font-semibold text-slate-900">
                      {formatPhone(call.phone)}
                    </span>
                    <span className="block text-sm text-slate-700">
                      {call.callerName ?? "Caller name unknown"} · {callKind(call.kind)}
                    </span>
                    <span className="block text-xs text-slate-600">
                      In progress {elapsed(call.callStart, now)}
                      {call.latest
                        ? ` · ${call.latest.lat.toFixed(5)}, ${call.latest.lon.toFixed(5)}`
                        : " · no device location yet"}
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
