import { describe, expect, it } from "vitest";
import { bearingDeg, distanceM, formatBearing, formatDistance, NearestIndex, rankByDistance } from "./nearest";

const origin = { latitude: 40.4406, longitude: -79.9959 }; // downtown Pittsburgh
// ~111 m per 0.001° of latitude; ~84.6 m per 0.001° of longitude at 40.44°N.
const north = { id: "n", at: { latitude: 40.4506, longitude: -79.9959 } };
const east = { id: "e", at: { latitude: 40.4406, longitude: -79.9859 } };
const southWest = { id: "sw", at: { latitude: 40.4376, longitude: -79.9999 } }; // ~334 m S, ~338 m W
const nowhere = { id: "x", at: null };

describe("rankByDistance", () => {
  it("orders by distance and leaves out items without a position", () => {
    const ranked = rankByDistance(origin, [north, nowhere, east, southWest], (d) => d.at);
    expect(ranked.map((r) => r.item.id)).toEqual(["sw", "e", "n"]);
    expect(ranked[0]?.distanceM).toBeCloseTo(475, -1);
    expect(ranked[1]?.distanceM).toBeCloseTo(846, -1);
    expect(ranked[2]?.distanceM).toBeCloseTo(1112, -1);
  });

  it("gives the bearing from the origin to each item", () => {
    const [sw, e, n] = rankByDistance(origin, [north, east, southWest], (d) => d.at);
    expect(n?.bearingDeg).toBeCloseTo(0, 0);
    expect(e?.bearingDeg).toBeCloseTo(90, 0);
    expect(sw?.bearingDeg).toBeGreaterThan(180);
    expect(sw?.bearingDeg).toBeLessThan(270);
  });

  it("returns nothing for an empty list", () => {
    expect(rankByDistance(origin, [], () => null)).toEqual([]);
  });
});

describe("distance and bearing", () => {
  it("measures great-circle metres", () => {
    // One degree of latitude is ~111.2 km on the mean sphere.
    expect(distanceM({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(111_195, -2);
  });

  it("keeps bearings in 0–360", () => {
    expect(bearingDeg(origin, { latitude: 40.4406, longitude: -80.0059 })).toBeCloseTo(270, 0);
  });
});

describe("formatting", () => {
  it.each([
    [0, "N 0°"],
    [42, "NE 42°"],
    [90, "E 90°"],
    [200, "S 200°"],
    [337.4, "NW 337°"],
    [359.6, "N 0°"],
  ])("bearing %s → %s", (deg, text) => {
    expect(formatBearing(deg)).toBe(text);
  });

  it.each([
    [12.4, "12 m"],
    [999.4, "999 m"],
    [999.6, "1.0 km"],
    [1234, "1.2 km"],
    [15_080, "15.1 km"],
  ])("distance %s → %s", (m, text) => {
    expect(formatDistance(m)).toBe(text);
  });
});

describe("NearestIndex", () => {
  // A deterministic spread of 5,000 cameras over the county (a small LCG, no Math.random).
  let state = 12345;
  const rand = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const cameras = Array.from({ length: 5000 }, (_, i) => ({
    id: `c${i}`,
    at: i % 97 === 0 ? null : { latitude: 40.25 + rand() * 0.37, longitude: -80.3 + rand() * 0.58 },
  }));

  it("ranks exactly as the brute-force ranking does, leaving out cameras with no position", () => {
    const index = new NearestIndex(cameras, (c) => c.at);
    expect(index.size).toBe(cameras.filter((c) => c.at).length);
    for (const o of [origin, { latitude: 40.3, longitude: -80.2 }, { latitude: 40.6, longitude: -79.8 }]) {
      const fast = index.nearest(o, 10);
      const slow = rankByDistance(o, cameras, (c) => c.at).slice(0, 10);
      expect(fast.map((r) => r.item.id)).toEqual(slow.map((r) => r.item.id));
      fast.forEach((r, i) => {
        expect(r.distanceM).toBeCloseTo(slow[i]!.distanceM, 6);
        expect(r.bearingDeg).toBeCloseTo(slow[i]!.bearingDeg, 6);
      });
    }
  });

  it("answers nothing for an empty set", () => {
    expect(new NearestIndex([nowhere], (d) => d.at).nearest(origin, 5)).toEqual([]);
  });
});
