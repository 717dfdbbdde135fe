"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";
import type { CallSummary } from "@/lib/calls/types";
import { CALL_LIST_ID } from "./call-list";
import { useConsoleActions, useConsoleState } from "./console-state";
import { announceReducer, initialAnnounceState, jumpTarget, nextExpiry, type Announcement } from "./newly-shared";
import type { SharedNudge } from "./use-live-nudges";
import { playShareTone } from "./use-share-sound";

export interface ShareAnnouncements {
  toasts: readonly Announcement[];
  /** Feed `shared` nudges here (useLiveNudges' callback). */
  onShared: (nudge: SharedNudge) => void;
  dismiss: (callId: string) => void;
  /** Select and frame the newest announced call that is in the list; false when there is none. */
  jump: () => boolean;
  /** Select and frame this announced call. */
  open: (callId: string) => void;
}

/**
 * Announces calls newly shared to the center: from the `shared` nudge at once, or from the calls
 * list on its next poll when the stream missed it (newly-shared.ts decides which are new).
 */
export function useShareAnnouncements(calls: readonly CallSummary[], loaded: boolean, sound: boolean): ShareAnnouncements {
  const [state, dispatch] = useReducer(announceReducer, initialAnnounceState);
  const { selectCall } = useConsoleActions();
  const { selectedCallId } = useConsoleState();

  useEffect(() => {
    if (loaded) dispatch({ type: "calls", calls, now: Date.now() });
  }, [calls, loaded]);

  const { toasts } = state;
  useEffect(() => {
    const ms = nextExpiry(toasts, Date.now());
    if (ms === null) return;
    const timer = setTimeout(() => dispatch({ type: "expire", now: Date.now() }), ms + 50);
    return () => clearTimeout(timer);
  }, [toasts]);

  // One tone per announcement, never for the sound being switched on.
  const heard = useRef(0);
  useEffect(() => {
    if (state.count > heard.current && sound) playShareTone();
    heard.current = state.count;
  }, [state.count, sound]);

  // A toast has done its job once its call is selected, however that happened.
  useEffect(() => {
    if (selectedCallId !== null) dispatch({ type: "dismiss", callId: selectedCallId });
  }, [selectedCallId]);

  const onShared = useCallback((n: SharedNudge) => dispatch({ type: "nudge", callId: n.id, phone: n.phone, now: Date.now() }), []);
  const dismiss = useCallback((callId: string) => dispatch({ type: "dismiss", callId }), []);
  const open = useCallback(
    (callId: string) => {
      selectCall(callId, { frame: true });
      // The list takes the keyboard, as after a search, so arrows carry on from the new call.
      document.getElementById(CALL_LIST_ID)?.focus();
    },
    [selectCall],
  );

  // Read at key time, so the key handler never holds a stale list.
  const latest = useRef({ state, calls });
  latest.current = { state, calls };
  const jump = useCallback(() => {
    const target = jumpTarget(latest.current.state);
    // Announced from the stream a moment before the list has it: nothing to select yet.
    if (target === null || !latest.current.calls.some((c) => c.id === target)) return false;
    open(target);
    return true;
  }, [open]);

  return { toasts, onShared, dismiss, jump, open };
}
