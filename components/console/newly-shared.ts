/**
 * Which shared calls this console should announce, as a pure reducer. Two paths report a share:
 * the `shared` nudge (fast) and the calls list (always, even when the stream is down). Each call is
 * announced once, by whichever path reports it first; the shared calls in the first list this
 * console received were there before it opened, so they are never announced.
 */
import type { CallSummary } from "@/lib/calls/types";

/** A toast stays this long unless dismissed: long enough to look up from another call. */
export const ANNOUNCE_TTL_MS = 45_000;
/** Older toasts give way beyond this many; their calls stay in the list. */
export const MAX_TOASTS = 4;

export interface Announcement {
  callId: string;
  phone: string;
  /** Browser time it was announced (for expiry only). */
  at: number;
  via: "stream" | "poll";
}

export interface AnnounceState {
  /** Shared calls this console knows about (announced, or there when it opened). */
  seen: ReadonlySet<string>;
  /** False until the first calls list: everything shared in it predates this console. */
  baselined: boolean;
  /** Shown, oldest first. */
  toasts: readonly Announcement[];
  /** The most recently announced call, shown or not: where the jump key goes when no toast is up. */
  newest: string | null;
  /** Bumped once per announcement, so effects (the sound) fire once per call. */
  count: number;
}

export type AnnounceAction =
  | { type: "calls"; calls: readonly Pick<CallSummary, "id" | "phone" | "shared" | "share">[]; now: number }
  | { type: "nudge"; callId: string; phone: string; now: number }
  | { type: "dismiss"; callId: string }
  | { type: "expire"; now: number };

export const initialAnnounceState: AnnounceState = { seen: new Set(), baselined: false, toasts: [], newest: null, count: 0 };

function announce(state: AnnounceState, items: readonly Announcement[]): AnnounceState {
  const fresh = items.filter((a) => !state.seen.has(a.callId));
  if (fresh.length === 0) return state;
  const seen = new Set(state.seen);
  for (const a of fresh) seen.add(a.callId);
  return {
    ...state,
    seen,
    toasts: [...state.toasts, ...fresh].slice(-MAX_TOASTS),
    newest: fresh[fresh.length - 1]?.callId ?? state.newest,
    count: state.count + fresh.length,
  };
}

export function announceReducer(state: AnnounceState, action: AnnounceAction): AnnounceState {
  switch (action.type) {
    case "nudge":
      // A nudge is news even before the first list: the stream only carries shares made since.
      return announce(state, [{ callId: action.callId, phone: action.phone, at: action.now, via: "stream" }]);
    case "calls": {
      const shared = action.calls.filter((c) => c.shared);
      if (!state.baselined) {
        return { ...state, baselined: true, seen: new Set([...state.seen, ...shared.map((c) => c.id)]) };
      }
      // Oldest share first, so the newest one ends up on top and is where the jump key goes.
      const fresh = shared
        .filter((c) => !state.seen.has(c.id))
        .sort((a, b) => (a.share?.receivedAt ?? 0) - (b.share?.receivedAt ?? 0));
      return announce(
        state,
        fresh.map((c) => ({ callId: c.id, phone: c.phone, at: action.now, via: "poll" as const })),
      );
    }
    case "dismiss": {
      const toasts = state.toasts.filter((t) => t.callId !== action.callId);
      return toasts.length === state.toasts.length ? state : { ...state, toasts };
    }
    case "expire": {
      const toasts = state.toasts.filter((t) => action.now - t.at < ANNOUNCE_TTL_MS);
      return toasts.length === state.toasts.length ? state : { ...state, toasts };
    }
  }
}

/** Where the jump key goes: the newest toast still up, else the newest call ever announced. */
export function jumpTarget(state: AnnounceState): string | null {
  return state.toasts[state.toasts.length - 1]?.callId ?? state.newest;
}

/** When the next toast expires (ms from `now`), or null when none is up. */
export function nextExpiry(toasts: readonly Announcement[], now: number): number | null {
  const first = toasts.reduce<number | null>((m, t) => (m === null ? t.at : Math.min(m, t.at)), null);
  return first === null ? null : Math.max(0, first + ANNOUNCE_TTL_MS - now);
}
