import { describe, expect, it } from "vitest";
import { PLACES, placeId, REVERSE_GEOCODE_MAX_M, reverseGeocode } from "./places";
import { distanceM } from "./geo";

describe("reverseGeocode", () => {
  it("names the nearest place with a likelihood that falls with distance", () => {
    const atSquare = reverseGeocode({ lat: 40.44067, lon: -80.00255 });
    expect(atSquare?.place.name).toBe("Market Square");
    expect(atSquare?.likelihood).toBe(95);
    const near = reverseGeocode({ lat: 40.4412, lon: -79.9999 });
    expect(near).not.toBeNull();
    expect(near!.likelihood).toBeLessThan(95);
    expect(near!.distanceM).toBeLessThanOrEqual(REVERSE_GEOCODE_MAX_M);
  });

  it("returns null away from every place (the river, the suburbs)", () => {
    expect(reverseGeocode({ lat: 40.5, lon: -80.2 })).toBeNull();
  });

  it("has plausible Pittsburgh coordinates and distinct, Google-shaped ids", () => {
    for (const p of PLACES) {
      expect(distanceM(p, { lat: 40.4406, lon: -79.9959 })).toBeLessThan(12_000);
      expect(placeId(p)).toMatch(/^ChIJ[A-Za-z0-9_-]{23}$/);
    }
    expect(new Set(PLACES.map(placeId)).size).toBe(PLACES.length);
  });
});
