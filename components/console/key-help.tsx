const KEYS: [string, string][] = [
  ["/", "find caller"],
  ["↑ ↓", "move"],
  ["Enter", "select"],
  ["Esc", "clear"],
  ["f", "follow"],
  ["g", "newest shared call"],
  ["a", "newest waiting alert"],
];

/** The keyboard flow, always visible: new staff learn it by reading the bottom of the panel. */
export function KeyHelp() {
  return (
    <p aria-label="Keyboard shortcuts" className="flex flex-wrap gap-x-3 gap-y-1 border-t border-line px-3 py-2 text-[11px] text-muted">
      {KEYS.map(([key, what]) => (
        <span key={key}>
          <kbd className="rounded border border-line px-1 font-mono text-fg">{key}</kbd> {what}
        </span>
      ))}
    </p>
  );
}
