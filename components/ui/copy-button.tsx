"use client";

import { useEffect, useState } from "react";

/** One click copies `text`; the button says so for a moment (and tells screen readers). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const t = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(t);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      // Clipboard access can be refused (insecure origin, policy): the text stays selectable.
      setState("failed");
    }
  }

  return (
    <button
      type="button"
      onClick={copy}
      aria-label={label}
      className="shrink-0 rounded border border-line px-2 py-0.5 text-xs text-fg hover:bg-hover focus-visible:ring-2 focus-visible:ring-focus focus-visible:outline-none"
    >
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Select & copy" : "Copy"}</span>
    </button>
  );
}
