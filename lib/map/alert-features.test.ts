import { describe, expect, it } from "vitest";
import type { AlertSummary } from "@/lib/alerts/types";
import { buildAlertFeatures, buildAlertTrail, describeAlertLocation } from "./alert-features";

const base: AlertSummary = {
  id: "a1",
  status: { name: "DISPATCH_REQUESTED", displayName: "Dispatch Requested" },
  disposition: null,
  emergencyType: { name: "FIRE", displayName: "Fire" },
  siteType: null,
  description: null,
  address: null,
  location: { point: { lat: 40.44, lon: -80 }, radiusM: 8, provided: "BOTH", civic: null, at: 1 },
  createdTime: 1,
  slaExpirationTime: 30_001,
  supplementalOnly: false,
  decidedBy: null,
};

describe("alert features", () => {
  it("draws a circle only when the radius is known", () => {
    expect(buildAlertFeatures([base], "a1").circles.features).toHaveLength(1);
    const unknown = { ...base, location: { ...base.location, radiusM: null } };
    const f = buildAlertFeatures([unknown], null);
    expect(f.circles.features).toHaveLength(0);
    expect(f.points.features[0]?.properties).toMatchObject({ letter: "F", basis: "fix", waiting: true });
    expect(describeAlertLocation(unknown.location)).toMatch(/uncertainty unknown \(no circle\)/);
  });

  it("an address is said to be an address, never drawn with a circle", () => {
    const civic = { ...base, location: { ...base.location, provided: "CIVIC", radiusM: null } };
    expect(buildAlertFeatures([civic], null).points.features[0]?.properties.basis).toBe("address");
    expect(describeAlertLocation(civic.location)).toMatch(/not a device fix/);
    expect(describeAlertLocation({ ...civic.location, point: null, civic: { name: null, street1: "1 A St", street2: null, city: null, state: null, country: null, zip: null } })).toMatch(/Address only/);
  });

  it("trails the fixes, oldest faintest", () => {
    const t = buildAlertTrail([1, 2, 3].map((i) => ({ ...base.location, point: { lat: 40 + i / 1000, lon: -80 }, at: i })));
    expect(t.line.features[0]?.geometry.coordinates).toHaveLength(3);
    expect(t.dots.features.map((d) => d.properties.recency)).toEqual([0, 1]);
  });
});
