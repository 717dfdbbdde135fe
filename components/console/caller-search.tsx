"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { CallSummary, CallsResponse } from "@/lib/calls/types";
import { ApiError } from "@/lib/browser/api-client";
import { openCall, queryKeys } from "@/lib/browser/console-queries";
import { CALL_LIST_ID } from "./call-list";
import { useConsoleActions } from "./console-state";

export const CALLER_SEARCH_ID = "caller-search";

function problemText(err: unknown): string {
  if (!(err instanceof ApiError)) return "The search failed. Try again.";
  if (err.status === 429) return `RapidSOS is limiting requests. ${err.retryAfterS ? `Try again in ${err.retryAfterS} s.` : "Try again shortly."}`;
  return err.detail;
}

/** Put the opened call in the cached list at once, so it can be selected before the next poll. */
function withCall(list: CallsResponse | undefined, call: CallSummary): CallsResponse | undefined {
  if (!list) return list;
  const others = list.calls.filter((c) => c.id !== call.id);
  return { ...list, calls: [call, ...others] };
}

/** Find a caller by phone number in any format; the call opens in my list, selected and framed. */
export function CallerSearch() {
  const queryClient = useQueryClient();
  const { selectCall } = useConsoleActions();
  const [phone, setPhone] = useState("");
  const search = useMutation({
    mutationFn: openCall,
    onSuccess: (call) => {
      queryClient.setQueryData<CallsResponse>(queryKeys.calls, (list) => withCall(list, call));
      void queryClient.invalidateQueries({ queryKey: queryKeys.calls });
      selectCall(call.id, { frame: true });
      setPhone("");
      // Keyboard flow: the found call is selected, and arrows, `f` and Esc now act on the call list.
      requestAnimationFrame(() => document.getElementById(CALL_LIST_ID)?.focus());
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (phone.trim() === "" || search.isPending) return;
    search.mutate(phone.trim());
  }

  return (
    <form onSubmit={submit} role="search" aria-label="Find a caller" className="flex flex-col gap-1.5">
      <label htmlFor={CALLER_SEARCH_ID} className="text-xs font-semibold tracking-wide text-muted uppercase">
        Find caller by phone <kbd className="ml-1 rounded border border-line px-1 font-mono text-[10px]">/</kbd>
      </label>
      <div className="flex gap-2">
        <input
          id={CALLER_SEARCH_ID}
          type="search"
          inputMode="tel"
          autoComplete="off"
          value={phone}
          onChange={(e) => {
            setPhone(e.target.value);
            if (search.isError) search.reset();
          }}
          placeholder="412-555-0101"
          aria-describedby={search.isError ? `${CALLER_SEARCH_ID}-error` : undefined}
          aria-invalid={search.isError || undefined}
          className="min-w-0 flex-1 rounded border border-line bg-sunken px-2.5 py-1.5 font-mono text-sm text-fg placeholder:text-muted/70 focus:border-accent focus:ring-1 focus:ring-accent focus:outline-none"
        />
        <button
          type="submit"
          disabled={search.isPending}
          className="rounded bg-accent px-3 py-1.5 text-sm font-semibold text-accent-fg hover:opacity-90 focus-visible:ring-2 focus-visible:ring-focus focus-visible:ring-offset-2 focus-visible:ring-offset-surface focus-visible:outline-none disabled:opacity-60"
        >
          {search.isPending ? "Finding…" : "Find"}
        </button>
      </div>
      {search.isError ? (
        <p id={`${CALLER_SEARCH_ID}-error`} role="alert" className="text-sm text-danger">
          {problemText(search.error)}
        </p>
      ) : null}
    </form>
  );
}
