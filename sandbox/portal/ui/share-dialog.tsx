"use client";

import { useEffect, useId, useRef } from "react";
import { formatPhone } from "@/lib/phone/format";

export interface ShareDialogProps {
  phone: string | null;
  solutionName: string;
  partnerName: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The confirmation Portal asks for before it shares a call's data with a partner. */
export function ShareDialog({ phone, solutionName, partnerName, onConfirm, onCancel }: ShareDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (phone && !dialog.open) dialog.showModal();
    if (!phone && dialog.open) dialog.close();
  }, [phone]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-full max-w-md rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      {phone && (
        <div className="p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            Share with {solutionName}?
          </h2>
          <p className="mt-3 text-sm text-slate-700">
            The phone number <span className="font-mono font-semibold">{formatPhone(phone)}</span>, the incident
            location, a token for the caller&apos;s latest location and your center&apos;s jurisdiction will be sent
            to {partnerName}.
          </p>
          <div className="mt-6 flex justify-end gap-3">
            <button
              type="button"
              onClick={onCancel}
              className="rounded-md border border-slate-300 px-4 py-2 text-sm font-semibold hover:bg-slate-50"
            >
              Cancel
            </button>
            <button
              type="button"
              onClick={onConfirm}
              autoFocus
              className="rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-800"
            >
              Share
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
