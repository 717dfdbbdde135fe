/** Display helpers for the sandbox Portal. */

const KIND_LABEL: Record<string, string> = {
  walking: "Wireless voice",
  driving: "Wireless voice (moving)",
  text: "Text to 911",
};

export function callKind(kind: string): string {
  return KIND_LABEL[kind] ?? kind;
}

/** "4 min 05 s" since the call started, on the sandbox clock. */
export function elapsed(since: number, now: number): string {
  const s = Math.max(0, Math.floor((now - since) / 1000));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m} min ${String(s % 60).padStart(2, "0")} s` : `${s} s`;
}
