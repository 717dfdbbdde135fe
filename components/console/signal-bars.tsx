import type { DeviceSignal } from "@/lib/axon/types";
import { formatSignal } from "./format";

/** Four small bars, like a phone's; the words are there for screen readers and on hover. */
export function SignalBars({ signal }: { signal: DeviceSignal | null }) {
  const text = `Signal ${formatSignal(signal)}`;
  if (!signal || signal.bars === null) return <span title={text}>{signal ? signal.label.toLowerCase() : "signal ?"}</span>;
  const bars = signal.bars;
  return (
    <span role="img" aria-label={text} title={text} className="inline-flex h-2.5 items-end gap-px">
      {[1, 2, 3, 4].map((n) => (
        <span key={n} className={`w-[3px] rounded-[1px] ${n <= bars ? "bg-fg" : "bg-line"}`} style={{ height: `${n * 25}%` }} />
      ))}
    </span>
  );
}
