"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CallSummary, CallsResponse } from "@/lib/calls/types";
import { closeCall, queryKeys } from "@/lib/browser/console-queries";
import { useConsoleActions, useConsoleState } from "./console-state";

const buttonClass =
  "rounded border border-line px-2.5 py-1 text-sm text-fg hover:bg-hover focus-visible:ring-2 focus-visible:ring-focus focus-visible:outline-none disabled:opacity-60";

/** Follow (also `f`) and closing the call from my list; neither touches the call record. */
export function CallActions({ call }: { call: CallSummary }) {
  const queryClient = useQueryClient();
  const { follow } = useConsoleState();
  const { toggleFollow, selectCall } = useConsoleActions();
  const close = useMutation({
    mutationFn: () => closeCall(call.id),
    onSuccess: () => {
      queryClient.setQueryData<CallsResponse>(queryKeys.calls, (list) =>
        list ? { ...list, calls: list.calls.filter((c) => c.id !== call.id || c.shared) } : list,
      );
      selectCall(null);
      void queryClient.invalidateQueries({ queryKey: queryKeys.calls });
    },
  });

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" aria-pressed={follow} onClick={toggleFollow} className={`${buttonClass} aria-pressed:border-accent aria-pressed:bg-selected`}>
        {follow ? "Following" : "Follow"} <kbd className="ml-1 rounded border border-line px-1 font-mono text-[10px]">f</kbd>
      </button>
      {call.openedByMe ? (
        <button type="button" onClick={() => close.mutate()} disabled={close.isPending} className={buttonClass}>
          Close call
        </button>
      ) : null}
      {close.isError ? (
        <span role="alert" className="text-sm text-danger">
          Could not close: {close.error.message}
        </span>
      ) : null}
    </div>
  );
}
