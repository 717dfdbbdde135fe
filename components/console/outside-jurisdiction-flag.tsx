/**
 * The share's own check (lib/calls/summaries.ts): the caller's latest location, or the incident
 * RapidSOS sent, lies outside the bounding box of the ECC that shared the call. Worded and coloured
 * as a warning, not an error: the call still needs handling, maybe a transfer.
 */
export function OutsideJurisdictionFlag({ long = false }: { long?: boolean }) {
  return (
    <span
      data-testid="outside-jurisdiction"
      className="inline-flex items-center gap-1 rounded border border-warn/60 bg-warn-bg px-1.5 text-[11px] font-semibold text-warn"
    >
      <span aria-hidden="true">⚠</span>
      {long ? "Outside jurisdiction: the caller is outside the sharing center's area" : "Outside jurisdiction"}
    </span>
  );
}
