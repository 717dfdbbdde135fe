import type { DisplayCircle } from "@/lib/geo/confidence";

/** "±12 m @ 90%" with what was sent beside it, or why it is shown as sent, or that there is none. */
export function UncertaintyText({ circle }: { circle: DisplayCircle }) {
  if (circle.kind === "none") {
    return <span className="text-warn">{circle.label}: no circle drawn</span>;
  }
  if (circle.kind === "as-sent") {
    const [main, note] = circle.label.split(" (");
    return (
      <span>
        <span className="font-semibold tabular-nums">{main}</span>{" "}
        <span className="text-xs text-warn">({note}</span>
      </span>
    );
  }
  const same = circle.sent.radiusM === circle.radiusM && circle.sent.confidence === circle.confidence;
  return (
    <span>
      <span className="font-semibold tabular-nums">{circle.label}</span>
      {same ? null : <span className="ml-2 text-xs text-muted">({circle.sentLabel})</span>}
    </span>
  );
}
