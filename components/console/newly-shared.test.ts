import { describe, expect, it } from "vitest";
import type { CallSummary } from "@/lib/calls/types";
import {
  ANNOUNCE_TTL_MS,
  announceReducer,
  initialAnnounceState,
  jumpTarget,
  MAX_TOASTS,
  nextExpiry,
  type AnnounceAction,
  type AnnounceState,
} from "./newly-shared";

type Listed = Pick<CallSummary, "id" | "phone" | "shared" | "share">;

const call = (id: string, shared = true, receivedAt = 0): Listed => ({
  id,
  phone: `1412555${id.padStart(4, "0")}`,
  shared,
  share: shared ? { receivedAt, eccAccountId: null, bbox: null, incident: null, outsideJurisdiction: null } : null,
});

const run = (...actions: AnnounceAction[]): AnnounceState => actions.reduce(announceReducer, initialAnnounceState);
const list = (calls: Listed[], now = 0): AnnounceAction => ({ type: "calls", calls, now });
const nudge = (id: string, now = 0): AnnounceAction => ({ type: "nudge", callId: id, phone: `1412555${id.padStart(4, "0")}`, now });
const shown = (s: AnnounceState) => s.toasts.map((t) => `${t.callId}:${t.via}`);

describe("newly shared calls", () => {
  it("never announces the shared calls that were there when the console loaded", () => {
    const s = run(list([call("1"), call("2")]), list([call("1"), call("2")]));
    expect(s.toasts).toEqual([]);
    expect(s.count).toBe(0);
    expect(jumpTarget(s)).toBeNull();
  });

  it("announces a share from the stream, and not again when the list brings the same call", () => {
    const s = run(list([call("1")]), nudge("2"), list([call("1"), call("2")]), nudge("2"));
    expect(shown(s)).toEqual(["2:stream"]);
    expect(s.count).toBe(1);
  });

  it("announces a share on the next poll when the stream missed it, once", () => {
    const s = run(list([call("1")]), list([call("1"), call("2")]), list([call("2"), call("1")]), nudge("2"));
    expect(shown(s)).toEqual(["2:poll"]);
    expect(s.count).toBe(1);
  });

  it("announces a share nudged while the first list was still loading, and keeps it out of the baseline", () => {
    const s = run(nudge("3"), list([call("1"), call("3")]), list([call("1"), call("3")]));
    expect(shown(s)).toEqual(["3:stream"]);
    expect(s.count).toBe(1);
  });

  it("ignores calls that are not shared, and announces one once it becomes shared", () => {
    const s1 = run(list([call("1", false)]), list([call("1", false)]));
    expect(s1.toasts).toEqual([]);
    const s2 = announceReducer(s1, list([call("1", true)]));
    expect(shown(s2)).toEqual(["1:poll"]);
  });

  it("stacks several shares, oldest share first, and jumps to the newest", () => {
    const s = run(list([]), list([call("7", true, 300), call("5", true, 100), call("6", true, 200)]));
    expect(shown(s)).toEqual(["5:poll", "6:poll", "7:poll"]);
    expect(jumpTarget(s)).toBe("7");
  });

  it("keeps at most a few toasts, dropping the oldest", () => {
    const many = Array.from({ length: MAX_TOASTS + 2 }, (_, i) => nudge(String(i + 1)));
    const s = run(list([]), ...many);
    expect(s.toasts).toHaveLength(MAX_TOASTS);
    expect(s.toasts[0]?.callId).toBe("3");
    expect(s.count).toBe(MAX_TOASTS + 2);
  });

  it("dismissing the newest toast sends the jump key to the next one; with none up, to the newest announced", () => {
    let s = run(list([]), nudge("1"), nudge("2"));
    s = announceReducer(s, { type: "dismiss", callId: "2" });
    expect(jumpTarget(s)).toBe("1");
    s = announceReducer(s, { type: "dismiss", callId: "1" });
    expect(s.toasts).toEqual([]);
    expect(jumpTarget(s)).toBe("2");
  });

  it("expires toasts after their time, and says when the next one goes", () => {
    let s = run(list([]), nudge("1", 1_000), nudge("2", 5_000));
    expect(nextExpiry(s.toasts, 2_000)).toBe(ANNOUNCE_TTL_MS - 1_000);
    s = announceReducer(s, { type: "expire", now: 1_000 + ANNOUNCE_TTL_MS });
    expect(shown(s)).toEqual(["2:stream"]);
    s = announceReducer(s, { type: "expire", now: 5_000 + ANNOUNCE_TTL_MS });
    expect(s.toasts).toEqual([]);
    expect(nextExpiry(s.toasts, 0)).toBeNull();
    // Expired is not forgotten: the same call is never announced again.
    expect(announceReducer(s, nudge("1")).toasts).toEqual([]);
  });

  it("returns the same state when nothing changed, so React skips the render", () => {
    const s = run(list([call("1")]));
    expect(announceReducer(s, list([call("1")]))).toBe(s);
    expect(announceReducer(s, { type: "expire", now: 0 })).toBe(s);
    expect(announceReducer(s, { type: "dismiss", callId: "1" })).toBe(s);
  });
});
