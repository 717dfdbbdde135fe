import { describe, expect, it } from "vitest";
import { geodesicCircle } from "@/lib/geo/circle";
import { sameData } from "./same-data";

const circle = (radiusM: number, label: string): GeoJSON.FeatureCollection => ({
  type: "FeatureCollection",
  features: [{ ...geodesicCircle({ latitude: 40.44, longitude: -79.99 }, radiusM, { label, selected: false }), id: "c1" }],
});

describe("sameData", () => {
  it("finds rebuilt but equal features the same", () => {
    expect(sameData(circle(50, "50 m @ 90%"), circle(50, "50 m @ 90%"))).toBe(true);
  });

  it("tells a changed radius, label, added property or removed feature apart", () => {
    const base = circle(50, "50 m @ 90%");
    expect(sameData(base, circle(51, "50 m @ 90%"))).toBe(false);
    expect(sameData(base, circle(50, "51 m @ 90%"))).toBe(false);
    const extra = circle(50, "50 m @ 90%");
    (extra.features[0]!.properties as Record<string, unknown>).age = "3 min";
    expect(sameData(base, extra)).toBe(false);
    expect(sameData(base, { ...base, features: [] })).toBe(false);
  });

  it("does not take null, an empty object and an empty array for one another", () => {
    expect(sameData(null, {})).toBe(false);
    expect(sameData({}, [])).toBe(false);
    expect(sameData([], {})).toBe(false);
    expect(sameData({ a: undefined }, { b: undefined })).toBe(false);
  });
});
