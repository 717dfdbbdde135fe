import { describe, expect, it } from "vitest";
import type { CallSummary } from "@/lib/calls/types";
import { noLocationShort, noLocationText } from "./location-origin";

const call = (over: Partial<CallSummary>): CallSummary => ({
  id: "c1",
  phone: "14125550150",
  status: "active",
  shared: true,
  openedByMe: false,
  callerName: null,
  callStartTime: null,
  firstSeenAt: 0,
  endedAt: null,
  latest: null,
  locationCount: 0,
  lastPolledAt: null,
  share: null,
  ...over,
});

describe("a call without any location", () => {
  it("is still waiting while active", () => {
    expect(noLocationShort(call({}))).toBe("no location yet");
    expect(noLocationText(call({}))).toBe("RapidSOS has sent no location for this call yet.");
  });

  it("says in words that it ended without one, never 'no location yet'", () => {
    const ended = call({ status: "ended", endedAt: Date.UTC(2026, 10, 29, 14, 5, 9) });
    expect(noLocationShort(ended)).toBe("ended, no location");
    expect(noLocationText(ended)).toMatch(/^Call ended at \d\d:\d\d:\d\d without a location from RapidSOS\.$/);
    expect(noLocationText(call({ status: "ended" }))).toBe("Call ended without a location from RapidSOS.");
  });
});
