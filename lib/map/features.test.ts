import { describe, expect, it } from "vitest";
import type { Device } from "@/lib/axon/types";
import type { CallSummary } from "@/lib/calls/types";
import { distanceM } from "@/lib/geo/nearest";
import type { CallerLocation, Uncertainty } from "@/lib/rapidsos/types";
import { bodyCamera } from "@/testing/fixtures";
import {
  buildCallerFeatures,
  buildDeviceAccuracy,
  buildDeviceFeatures,
  buildJurisdictionFeatures,
  buildTrailFeatures,
  callerView,
  deviceView,
  splitForClustering,
} from "./features";

const NOW = 1_800_000_000_000;

function location(over: Partial<CallerLocation> & { uncertainty?: Uncertainty } = {}): CallerLocation {
  return {
    callerId: "14125550101",
    formatVersion: "1.5",
    createdTime: NOW - 5_000,
    locationTime: NOW - 5_000,
    callStartTime: NOW - 120_000,
    source: "call",
    callerName: "Ada Lovelace",
    positioningMethod: "gps",
    application: "Android ELS",
    latitude: 40.4406,
    longitude: -79.9959,
    altitudeM: null,
    altitudeUncertaintyM: null,
    uncertainty: { radiusM: 10, confidence: 90, pdf: "normal" },
    place: null,
    ...over,
  };
}

function call(id: string, latest: CallerLocation | null, over: Partial<CallSummary> = {}): CallSummary {
  return {
    id,
    phone: "14125550101",
    status: "active",
    shared: false,
    openedByMe: true,
    callerName: latest?.callerName ?? null,
    callStartTime: latest?.callStartTime ?? null,
    firstSeenAt: NOW - 100_000,
    endedAt: null,
    latest,
    locationCount: latest ? 1 : 0,
    lastPolledAt: NOW,
    share: null,
    ...over,
  };
}

/** A camera that reported 4 s ago. */
const device = (id: string, over: Partial<Device> = {}): Device =>
  bodyCamera(id, {
    location: { latitude: 40.44, longitude: -79.99, accuracyM: 6.4, at: NOW - 4_000 },
    updatedAt: NOW - 4_000,
    ...over,
  });

describe("callers", () => {
  it("draws the latest location, its circle at the display confidence, and a label on the circle", () => {
    const view = callerView(call("c1", location()), NOW, 95);
    const f = buildCallerFeatures(view ? [view] : [], "c1");
    expect(f.points.features).toHaveLength(1);
    expect(f.points.features[0]?.geometry.coordinates).toEqual([-79.9959, 40.4406]);
    expect(f.points.features[0]?.properties).toMatchObject({
      id: "c1",
      phone: "(412) 555-0101",
      freshness: "live",
      selected: true,
      age: "", // a live caller's label shows no age, so polls do not change the feature
    });
    const circle = f.circles.features[0];
    expect(circle?.properties).toMatchObject({ label: "±12 m @ 95%", kind: "converted" });
    // Every vertex lies on the ground 12 m from the caller: a geodesic circle, not a pixel radius.
    for (const [lng, lat] of circle?.geometry.coordinates[0] ?? []) {
      expect(distanceM({ latitude: 40.4406, longitude: -79.9959 }, { latitude: lat!, longitude: lng! })).toBeCloseTo(12, 1);
    }
    const label = f.labels.features[0]?.geometry.coordinates;
    expect(distanceM({ latitude: 40.4406, longitude: -79.9959 }, { latitude: label![1]!, longitude: label![0]! })).toBeCloseTo(12, 1);
  });

  it("draws an unconvertible circle as sent and says so on the map", () => {
    const v = callerView(call("c2", location({ uncertainty: { radiusM: 40, confidence: 95, pdf: "unknown" } })), NOW, 90);
    const f = buildCallerFeatures(v ? [v] : [], null);
    expect(f.circles.features[0]?.properties).toMatchObject({ kind: "as-sent", label: "±40 m @ 95% as sent", selected: false });
  });

  it("draws no circle when the radius is unknown, but still the caller", () => {
    const v = callerView(call("c3", location({ uncertainty: { radiusM: null, confidence: 90, pdf: "normal" } })), NOW, 90);
    const f = buildCallerFeatures(v ? [v] : [], null);
    expect(f.points.features).toHaveLength(1);
    expect(f.circles.features).toHaveLength(0);
    expect(f.labels.features).toHaveLength(0);
  });

  it("has no view for a call without any location yet", () => {
    expect(callerView(call("c4", null), NOW, 90)).toBeNull();
  });

  const share = (incident: { latitude: number; longitude: number } | null) => ({
    receivedAt: NOW - 20_000,
    eccAccountId: "ecc",
    bbox: null,
    incident,
    outsideJurisdiction: null,
  });

  it("shows a shared call at the incident location it was shared with until LEI answers, without a circle", () => {
    const v = callerView(call("s1", null, { shared: true, share: share({ latitude: 40.45, longitude: -80.01 }) }), NOW, 90);
    expect(v).toMatchObject({ origin: "share", location: { latitude: 40.45, longitude: -80.01, locationTime: NOW - 20_000 } });
    expect(v?.circle.kind).toBe("none");
    expect(v?.ageMs).toBe(20_000);
    const f = buildCallerFeatures([v!], null);
    expect(f.points.features[0]?.properties).toMatchObject({ id: "s1", origin: "share" });
    expect(f.circles.features).toHaveLength(0);
  });

  it("shows LEI's location once it came, and nothing for a share without coordinates", () => {
    const withLei = callerView(call("s2", location(), { shared: true, share: share({ latitude: 40.45, longitude: -80.01 }) }), NOW, 90);
    expect(withLei).toMatchObject({ origin: "lei", location: { latitude: 40.4406 } });
    expect(callerView(call("s3", null, { shared: true, share: share(null) }), NOW, 90)).toBeNull();
  });

  it("marks an overdue or ended caller", () => {
    expect(callerView(call("c5", location({ locationTime: NOW - 120_000 })), NOW, 90)?.freshness).toBe("stale");
    expect(callerView(call("c6", location(), { status: "ended" }), NOW, 90)?.freshness).toBe("inactive");
  });
});

describe("trail", () => {
  const lats = [40.44, 40.441, 40.442, 40.443];
  const trail = lats.map((latitude, i) =>
    location({ latitude, longitude: -79.99, locationTime: NOW - (4 - i) * 10_000 }),
  );

  it("is one line through every location, oldest first, and dots for the earlier ones", () => {
    const f = buildTrailFeatures(trail);
    expect(f.line.features[0]?.geometry.coordinates).toEqual([
      [-79.99, 40.44],
      [-79.99, 40.441],
      [-79.99, 40.442],
      [-79.99, 40.443],
    ]);
    expect(f.dots.features.map((d) => d.properties.recency)).toEqual([0, 0.5, 1]);
  });

  it("has no line for a single location", () => {
    const f = buildTrailFeatures(trail.slice(0, 1));
    expect(f.line.features).toHaveLength(0);
    expect(f.dots.features).toHaveLength(0);
  });
});

describe("devices", () => {
  const views = [
    deviceView(device("a"), NOW),
    deviceView(device("b", { status: "buffering", location: { latitude: 40.45, longitude: -79.98, accuracyM: null, at: NOW - 16 * 60_000 } }), NOW),
    deviceView(device("c", { status: "docked", officer: null }), NOW),
    deviceView(device("d", { location: null }), NOW),
    deviceView(device("e", { location: { latitude: 40.43, longitude: -79.97, accuracyM: 5, at: NOW - 90_000 } }), NOW),
  ];

  it("draws every located device once, with status, freshness and a label", () => {
    const fc = buildDeviceFeatures(views, "b");
    expect(fc.features.map((f) => f.properties.id)).toEqual(["a", "b", "c", "e"]);
    expect(fc.features.map((f) => [f.properties.status, f.properties.freshness])).toEqual([
      ["recording", "live"],
      ["buffering", "live"],
      ["docked", "inactive"],
      ["recording", "stale"],
    ]);
    expect(fc.features[1]?.properties).toMatchObject({ selected: true, label: "1234", age: "" });
    expect(fc.features[3]?.properties.age).toBe("1 min");
    expect(fc.features[2]?.properties.label).toBe("X6c");
  });

  it("never puts a recording device where clustering could hide it", () => {
    const { pinned, clusterable } = splitForClustering(buildDeviceFeatures(views, null));
    expect(pinned.features.map((f) => f.properties.id)).toEqual(["a", "e"]);
    expect(clusterable.features.map((f) => f.properties.id)).toEqual(["b", "c"]);
  });

  it("draws the selected device's accuracy as sent, labelled accuracy", () => {
    const acc = buildDeviceAccuracy(views[0] ?? null);
    expect(acc.circles.features[0]?.properties).toMatchObject({ label: "±7 m accuracy", kind: "accuracy" });
    expect(buildDeviceAccuracy(views[1] ?? null).circles.features).toHaveLength(0);
    expect(buildDeviceAccuracy(null).circles.features).toHaveLength(0);
  });
});

describe("jurisdiction box", () => {
  const share = (bbox: [number, number, number, number] | null) => ({
    receivedAt: NOW,
    eccAccountId: "ecc-1",
    bbox,
    incident: null,
    outsideJurisdiction: null,
  });

  it("draws the sharing center's box as one closed rectangle, [w,s,e,n] corner by corner", () => {
    const fc = buildJurisdictionFeatures(call("c1", location(), { shared: true, share: share([-80.361, 40.194, -79.688, 40.674]) }));
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0]?.geometry.coordinates).toEqual([
      [
        [-80.361, 40.194],
        [-79.688, 40.194],
        [-79.688, 40.674],
        [-80.361, 40.674],
        [-80.361, 40.194],
      ],
    ]);
    expect(fc.features[0]?.properties).toEqual({ callId: "c1", ecc: "ecc-1" });
  });

  it("draws a box across the antimeridian the short way round", () => {
    const ring = buildJurisdictionFeatures(call("c2", null, { share: share([179, -20, -179, -15]) })).features[0]?.geometry.coordinates[0];
    expect(ring?.map(([lng]) => lng)).toEqual([179, 181, 181, 179, 179]);
  });

  it("draws nothing without a selected call, a share or a box", () => {
    expect(buildJurisdictionFeatures(null).features).toEqual([]);
    expect(buildJurisdictionFeatures(call("c3", location())).features).toEqual([]);
    expect(buildJurisdictionFeatures(call("c4", location(), { share: share(null) })).features).toEqual([]);
  });
});
