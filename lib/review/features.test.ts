/** The review map's features: whole trail, the selected point as the console draws it, cameras then, the box. */
import { describe, expect, it } from "vitest";
import type { CallSummary } from "@/lib/calls/types";
import { nearestDeviceFeatures, reviewTrailFeatures, selectedPointFeatures, selectedPointView } from "./features";
import { formatGap, formatSent, formatUtc } from "./format";
import { location, T0 } from "./testing";
import type { NearestDevice } from "./types";

const trail = [0, 1, 2].map((i) => location("14125550101", i));
const call = { id: "c1", phone: "14125550101", status: "ended" } as CallSummary;

const device = (over: Partial<NearestDevice>): NearestDevice => ({
  deviceId: "d1",
  serial: "X1",
  officerName: null,
  badge: null,
  status: "recording",
  latitude: 40.44,
  longitude: -79.99,
  accuracyM: 5,
  at: T0,
  ageMs: 0,
  distanceM: 10,
  bearingDeg: 0,
  ...over,
});

describe("review map features", () => {
  it("draws a dot for every stored point, the latest included, and the line through them", () => {
    const f = reviewTrailFeatures(trail);
    expect(f.dots.features.map((d) => d.properties.recency)).toEqual([0, 0.5, 1]);
    expect(f.line.features[0]?.geometry.coordinates).toHaveLength(3);
    expect(reviewTrailFeatures(trail.slice(0, 1)).line.features).toHaveLength(0);
  });

  it("draws the selected point with its circle at the display confidence, not as old", () => {
    const view = selectedPointView(call, { ...trail[1]!, uncertainty: { radiusM: 10, confidence: 90, pdf: "normal" } }, 95);
    const f = selectedPointFeatures(view);
    expect(f.points.features[0]?.geometry.coordinates).toEqual([trail[1]!.longitude, trail[1]!.latitude]);
    expect(f.points.features[0]?.properties).toMatchObject({ selected: true, freshness: "live", phone: "(412) 555-0101" });
    expect(f.labels.features[0]?.properties.label).toBe("±12 m @ 95%"); // 11.476 m, rounded up
    const none = selectedPointFeatures(selectedPointView(call, { ...trail[0]!, uncertainty: { radiusM: null, confidence: null, pdf: null } }, 90));
    expect(none.circles.features).toHaveLength(0);
  });

  it("draws cameras stale when their position was old at that moment, recording ones pinned", () => {
    const fc = nearestDeviceFeatures(
      [device({ ageMs: 5000, at: T0 - 5000 }), device({ deviceId: "d2", badge: "B2", status: "recording", ageMs: 120_000, at: T0 - 120_000 }), device({ deviceId: "d3", status: "SOMETHING" })],
      T0,
    );
    expect(fc.features.map((f) => [f.properties.id, f.properties.freshness, f.properties.pinned, f.properties.label])).toEqual([
      ["d1", "live", true, "X1"],
      ["d2", "stale", true, "B2"],
      ["d3", "live", false, "X1"],
    ]);
    expect(fc.features[1]?.properties.age).toBe("2 min");
  });

  it("formats in UTC and says what was sent", () => {
    expect(formatUtc(Date.UTC(2026, 10, 22, 14, 5, 3, 999))).toBe("2026-11-22 14:05:03");
    expect(formatGap(null)).toBe("first");
    expect(formatGap(5000)).toBe("+5 s");
    expect(formatGap(125_000)).toBe("+2 min");
    expect(formatSent({ radiusM: 10, confidence: 95, pdf: "normal" })).toBe("±10 m @ 95% normal");
    expect(formatSent({ radiusM: 120.25, confidence: null, pdf: null })).toBe("±120.3 m, no confidence");
    expect(formatSent({ radiusM: null, confidence: 90, pdf: "normal" })).toBe("no radius sent");
  });
});
