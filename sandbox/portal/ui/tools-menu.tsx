"use client";

import { useEffect, useId, useRef, useState } from "react";

export interface ToolsMenuProps {
  solutionName: string;
  solutionDescription: string;
  /** Data Share solutions are only available with a 911 call selected (RapidSOS Data Share Partner Guide). */
  enabled: boolean;
  onPick: () => void;
}

/** Portal's Tools drop-down, listing our Data Share solution by its configured name and description. */
export function ToolsMenu({ solutionName, solutionDescription, enabled, onPick }: ToolsMenuProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!enabled) setOpen(false);
  }, [enabled]);

  useEffect(() => {
    if (!open) return;
    itemRef.current?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={!enabled}
        title={enabled ? undefined : "Select a 911 call first"}
        onClick={() => setOpen((o) => !o)}
        className="rounded-md border border-white/40 px-4 py-1.5 text-sm font-semibold text-white hover:bg-white/10 disabled:cursor-not-allowed disabled:opacity-50"
      >
        Tools ▾
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label="Tools"
          onKeyDown={(e) => e.key === "Escape" && close()}
          className="absolute right-0 z-20 mt-2 w-80 rounded-md border border-slate-300 bg-white p-2 text-slate-900 shadow-lg"
        >
          <p className="px-2 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">Data Share</p>
          <button
            ref={itemRef}
            type="button"
            role="menuitem"
            onClick={() => {
              setOpen(false);
              onPick();
            }}
            className="block w-full rounded px-2 py-2 text-left hover:bg-sky-50 focus:bg-sky-50 focus:outline-none"
          >
            <span className="block font-semibold">{solutionName}</span>
            <span className="block text-sm text-slate-700">{solutionDescription}</span>
          </button>
        </div>
      )}
    </div>
  );
}
