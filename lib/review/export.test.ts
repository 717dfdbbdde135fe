/** Export files: every LEI field, the circle as the map shows it, spreadsheet-safe cells, valid GeoJSON. */
import { describe, expect, it } from "vitest";
import type { CallSummary } from "@/lib/calls/types";
import { callCsv, callGeoJson, exportFilename } from "./export";
import { location, T0 } from "./testing";
import type { ReviewPoint } from "./types";

const call: CallSummary = {
  id: "11111111-2222-4333-8444-555555555555",
  phone: "14125550101",
  status: "ended",
  shared: true,
  openedByMe: false,
  callerName: "Jordan Caller",
  callStartTime: T0 - 60_000,
  firstSeenAt: T0,
  endedAt: T0 + 600_000,
  latest: null,
  locationCount: 2,
  lastPolledAt: null,
  share: { receivedAt: T0, eccAccountId: "ecc-7", bbox: null, incident: null, outsideJurisdiction: null },
};

const point = (i: number, over: Partial<ReviewPoint> = {}): ReviewPoint => ({
  ...location("14125550101", i),
  receivedAt: T0 + i * 5000 + 900,
  outsideJurisdiction: i === 1,
  ...over,
});

const trail: ReviewPoint[] = [
  point(0, { uncertainty: { radiusM: 50, confidence: 95, pdf: "normal" } }),
  point(1, {
    uncertainty: { radiusM: 120, confidence: null, pdf: null },
    positioningMethod: "cell",
    place: {
      engine: "rg",
      name: '=HYPERLINK("http://evil.test","click")',
      id: "p1",
      likelihood: 0.8,
      address: "600 Grant St, Pittsburgh, PA",
      exactLocation: "Floor 3\nSuite \"B\"",
      latitude: 40.441,
      longitude: -79.99,
      contact: "+1 412 555 0000",
      additionalInfoUrl: null,
    },
  }),
];

/** RFC 4180 by hand, so the test does not trust the code it checks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += ch;
  }
  return rows;
}

describe("review export", () => {
  it("writes one CSV row per location with every field and the converted circle", () => {
    const text = callCsv(call, trail, 90);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(rows).toHaveLength(2);
    const byName = (r: string[]) => Object.fromEntries(header!.map((h, i) => [h, r[i]]));
    const first = byName(rows[0]!);
    expect(first).toMatchObject({
      index: "1",
      call_id: call.id,
      phone: "14125550101",
      caller_name: "Jordan Caller",
      location_time_utc: new Date(T0).toISOString(),
      received_at_utc: new Date(T0 + 900).toISOString(),
      latitude: "40.44",
      longitude: "-79.99",
      uncertainty_radius_m: "50",
      uncertainty_confidence: "95",
      uncertainty_pdf: "normal",
      display_circle: "converted",
      display_radius_m: "44", // 50 m @ 95% → 43.569 m @ 90%, rounded up
      display_confidence: "90",
      display_label: "±44 m @ 90%",
      outside_jurisdiction: "false",
      application: "Sandbox Phone",
    });
    const second = byName(rows[1]!);
    expect(second).toMatchObject({
      display_circle: "as-sent",
      display_radius_m: "120",
      display_confidence: "",
      display_label: "±120 m (confidence not stated)",
      outside_jurisdiction: "true",
      positioning_method: "cell",
      rg_address: "600 Grant St, Pittsburgh, PA",
      rg_exact_location: 'Floor 3\nSuite "B"',
      // A formula is defused with a leading apostrophe; a leading "+" phone number too.
      rg_name: `'=HYPERLINK("http://evil.test","click")`,
      rg_contact: "'+1 412 555 0000",
    });
  });

  it("writes the header even for a call with no stored location", () => {
    const [header, ...rows] = parseCsv(callCsv(call, [], 90).slice(1));
    expect(header).toContain("display_label");
    expect(rows).toHaveLength(0);
  });

  it("writes GeoJSON points with the same properties, then the trail line", () => {
    const fc = callGeoJson(call, trail, 90);
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.features.map((f) => f.geometry.type)).toEqual(["Point", "Point", "LineString"]);
    expect(fc.features[0]!.geometry.coordinates).toEqual([-79.99, 40.44]);
    expect(fc.features[0]!.properties).toMatchObject({ kind: "location", index: 1, display_radius_m: 44, uncertainty_confidence: 95 });
    // GeoJSON keeps values as they are: no spreadsheet escaping.
    expect(fc.features[1]!.properties).toMatchObject({ rg_name: '=HYPERLINK("http://evil.test","click")', outside_jurisdiction: true });
    expect(fc.features[2]!.geometry.coordinates).toEqual(trail.map((p) => [p.longitude, p.latitude]));
    expect(fc.call).toMatchObject({ phone: "14125550101", ecc_account_id: "ecc-7", display_confidence: 90 });
    expect(JSON.parse(JSON.stringify(fc))).toEqual(fc);
  });

  it("names files by number and call start", () => {
    expect(exportFilename(call, "csv")).toBe(`call-14125550101-${new Date(T0 - 60_000).toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}.csv`);
    expect(exportFilename(call, "geojson")).toMatch(/^call-14125550101-\d{8}T\d{6}Z\.geojson$/);
  });
});
