import type { Feature, FeatureCollection, Point } from "geojson";
import { describe, expect, it } from "vitest";
import { diffPoints, movedOnScreen, type SentPoints } from "./feature-diff";

type P = { id: string; status: string; selected: boolean; label: string };
const pt = (id: string, lng: number, lat: number, extra: Partial<P> = {}): Feature<Point, P> => ({
  type: "Feature",
  id,
  geometry: { type: "Point", coordinates: [lng, lat] },
  properties: { id, status: "buffering", selected: false, label: id, ...extra },
});
const fc = (...features: Feature<Point, P>[]): FeatureCollection<Point, P> => ({ type: "FeatureCollection", features });
const many = (n: number, shift = 0) => Array.from({ length: n }, (_, i) => pt(`d${i}`, -80 + i * 1e-4 + shift, 40.4));

function sentAfter(first: FeatureCollection<Point, P>): SentPoints<P> {
  return diffPoints(new Map(), first).sent;
}

describe("diffPoints", () => {
  it("replaces the source the first time, with every feature's id kept", () => {
    const { update, sent } = diffPoints(new Map(), fc(pt("a", 1, 2), pt("b", 3, 4)));
    expect(update.kind).toBe("replace");
    if (update.kind !== "replace") return;
    expect(update.data.features.map((f) => f.id)).toEqual(["a", "b"]);
    expect([...sent.keys()]).toEqual(["a", "b"]);
  });

  it("sends moved points as new geometry only, keyed by their stable id", () => {
    const before = fc(...many(100));
    const after = fc(...many(100).map((f, i) => (i === 7 ? pt(f.properties.id, -70, 41) : f)));
    const { update } = diffPoints(sentAfter(before), after);
    expect(update).toEqual({
      kind: "diff",
      moved: 1,
      restyled: 0,
      diff: { update: [{ id: "d7", newGeometry: { type: "Point", coordinates: [-70, 41] } }] },
    });
  });

  it("does not re-send geometry for a status-only change", () => {
    const before = fc(...many(100));
    const after = fc(...many(100).map((f, i) => (i === 3 ? pt("d3", ...(f.geometry.coordinates as [number, number]), { status: "recording", selected: true }) : f)));
    const { update } = diffPoints(sentAfter(before), after);
    expect(update.kind).toBe("diff");
    if (update.kind !== "diff") return;
    expect(update.diff.update).toEqual([
      { id: "d3", addOrUpdateProperties: [{ key: "status", value: "recording" }, { key: "selected", value: true }] },
    ]);
    expect(update.diff.update?.[0]?.newGeometry).toBeUndefined();
    expect(update.diff.add).toBeUndefined();
    expect(update.diff.remove).toBeUndefined();
  });

  it("removes cameras that left the list and adds new ones", () => {
    const before = fc(...many(100));
    const after = fc(...many(100).filter((f) => f.properties.id !== "d10" && f.properties.id !== "d11"), pt("new", 1, 1));
    const { update, sent } = diffPoints(sentAfter(before), after);
    expect(update.kind).toBe("diff");
    if (update.kind !== "diff") return;
    expect(update.diff.remove).toEqual(["d10", "d11"]);
    expect(update.diff.add?.map((f) => f.id)).toEqual(["new"]);
    expect(update.diff.update).toBeUndefined();
    expect(sent.has("d10")).toBe(false);
    expect(sent.has("new")).toBe(true);
  });

  it("sends nothing when nothing changed, even with new objects", () => {
    const { update } = diffPoints(sentAfter(fc(...many(50))), fc(...many(50)));
    expect(update).toEqual({ kind: "none" });
  });

  it("replaces the whole source when most of the set changed", () => {
    const before = fc(...many(1000));
    const after = fc(...Array.from({ length: 1000 }, (_, i) => pt(`other${i}`, 0, 0)));
    expect(diffPoints(sentAfter(before), after).update.kind).toBe("replace");
    // Every camera moving is still a diff: the set is the same.
    expect(diffPoints(sentAfter(before), fc(...many(1000, 0.01))).update.kind).toBe("diff");
  });

  it("takes the id from properties when a feature has none, and refuses duplicates", () => {
    const noId = { ...pt("x", 1, 1), id: undefined };
    const { update } = diffPoints(new Map(), fc(noId));
    expect(update.kind === "replace" && update.data.features[0]?.id).toBe("x");
    expect(() => diffPoints(new Map(), fc(pt("a", 1, 1), pt("a", 2, 2)))).toThrow(/unique/);
  });

  it("diffs 5,000 moved cameras, every one re-sent as geometry only", () => {
    const sent = sentAfter(fc(...many(5000)));
    const { update } = diffPoints(sent, fc(...many(5000, 0.001)));
    expect(update.kind === "diff" && [update.moved, update.restyled]).toEqual([5000, 0]);
    // Timing is bench:map's job (in the browser, alternating with the full-replacement baseline).
  });

  it("holds back moves too small to see, until they add up", () => {
    // Zoom 10 over Pittsburgh: half a pixel is ~35 m of longitude.
    const moved = movedOnScreen({ zoom: 10, bounds: [-80.5, 40.2, -79.5, 40.7] });
    const sent = sentAfter(fc(pt("a", -80, 40.4), pt("b", -80.1, 40.4)));
    const step1 = diffPoints(sent, fc(pt("a", -80.0002, 40.4), pt("b", -80.1, 40.4, { status: "recording" })), { moved });
    // "a" moved ~17 m: held; "b" changed status: sent as a property only.
    expect(step1.update).toEqual({
      kind: "diff",
      moved: 0,
      restyled: 1,
      diff: { update: [{ id: "b", addOrUpdateProperties: [{ key: "status", value: "recording" }] }] },
    });
    expect(step1.sent.get("a")?.geometry.coordinates).toEqual([-80, 40.4]);
    const step2 = diffPoints(step1.sent, fc(pt("a", -80.0006, 40.4), pt("b", -80.1, 40.4, { status: "recording" })), { moved });
    expect(step2.update.kind === "diff" && step2.update.diff.update).toEqual([
      { id: "a", newGeometry: { type: "Point", coordinates: [-80.0006, 40.4] } },
    ]);
  });

  it("holds back moves wholly off screen, and sends them once either end is in view", () => {
    const view = { zoom: 16, bounds: [-80.01, 40.44, -80.0, 40.445] as [number, number, number, number] };
    const moved = movedOnScreen(view);
    const far = (lng: number) => ({ type: "Point" as const, coordinates: [lng, 40.3] });
    expect(moved(far(-79.9), far(-79.91))).toBe(false);
    expect(moved(far(-79.9), { type: "Point", coordinates: [-80.005, 40.442] })).toBe(true);
    expect(moved({ type: "Point", coordinates: [-80.005, 40.442] }, { type: "Point", coordinates: [-80.0051, 40.442] })).toBe(true);
  });
});

