import { describe, expect, it } from "vitest";
import { displaceM, distanceM, offsetM, Polyline } from "./geo";

const MARKET_SQUARE = { lat: 40.44067, lon: -80.00255 };

describe("distanceM", () => {
  it("measures one degree of latitude as ~111.2 km", () => {
    expect(distanceM({ lat: 40, lon: -80 }, { lat: 41, lon: -80 })).toBeCloseTo(111_195, -2);
  });

  it("puts Market Square ~880 m from the Point State Park fountain", () => {
    const d = distanceM(MARKET_SQUARE, { lat: 40.44175, lon: -80.01245 });
    expect(d).toBeGreaterThan(820);
    expect(d).toBeLessThan(900);
  });
});

describe("offsetM / displaceM", () => {
  it("moves by the requested metres", () => {
    expect(distanceM(MARKET_SQUARE, offsetM(MARKET_SQUARE, 30, 40))).toBeCloseTo(50, 0);
    const east = displaceM(MARKET_SQUARE, 100, Math.PI / 2);
    expect(east.lat).toBeCloseTo(MARKET_SQUARE.lat, 6);
    expect(distanceM(MARKET_SQUARE, east)).toBeCloseTo(100, 0);
  });
});

describe("Polyline", () => {
  const line = new Polyline([
    [40.44, -80.0],
    [40.441, -80.0],
    [40.441, -79.999],
  ]);

  it("sums its segments", () => {
    expect(line.length).toBeCloseTo(111.2 + 84.6, 0);
  });

  it("interpolates and clamps to the ends", () => {
    expect(line.at(-5)).toEqual({ lat: 40.44, lon: -80.0 });
    expect(line.at(1e9)).toEqual({ lat: 40.441, lon: -79.999 });
    const mid = line.at(55.6);
    expect(mid.lat).toBeCloseTo(40.4405, 4);
    expect(mid.lon).toBe(-80.0);
  });

  it("wraps around when closed", () => {
    const loop = new Polyline([
      [40.44, -80.0],
      [40.441, -80.0],
    ], true);
    expect(loop.length).toBeCloseTo(2 * 111.2, 0);
    expect(loop.atLooped(loop.length + 10).lat).toBeCloseTo(loop.at(10).lat, 9);
    expect(loop.atLooped(-10).lat).toBeCloseTo(loop.at(loop.length - 10).lat, 9);
  });
});
