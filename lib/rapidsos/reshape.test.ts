import { describe, expect, it } from "vitest";
import { reshapeLeiPage, reshapeLeiRecord } from "./reshape";
import { LEI_DOC_RECORD, LEI_MINIMAL_RECORD } from "./wire-fixtures";

function ok(raw: unknown) {
  const r = reshapeLeiRecord(raw);
  if (!r.ok) throw new Error(`dropped: ${r.reason}`);
  return r.location;
}

describe("reshapeLeiRecord", () => {
  it("reshapes LEI's documented example", () => {
    expect(ok(LEI_DOC_RECORD)).toEqual({
      callerId: "15555555555",
      formatVersion: "1.0",
      createdTime: 1473983938000,
      locationTime: 1473983979750,
      callStartTime: 1473983976778,
      source: "call",
      callerName: "John Smith",
      positioningMethod: "gps",
      application: null,
      latitude: 40.75371,
      longitude: -73.98854,
      altitudeM: 15.70227,
      altitudeUncertaintyM: null,
      uncertainty: { radiusM: 10, confidence: 95, pdf: "normal" },
      place: {
        engine: "google",
        name: "RapidSOS Inc.",
        id: "1",
        likelihood: 95,
        address: "526 7th Ave, New York, NY 10018, USA",
        exactLocation: "6th floor",
        latitude: 40.75377,
        longitude: -73.98884,
        contact: "+1 (555)-555-5555",
        additionalInfoUrl: "https://rapidsos.com",
      },
    });
  });

  it("keeps nulls as null and gives no place when LEI sent none", () => {
    const location = ok(LEI_MINIMAL_RECORD);
    expect(location.callerName).toBeNull();
    expect(location.altitudeM).toBeNull();
    expect(location.place).toBeNull();
    expect(location.uncertainty).toEqual({ radiusM: 65, confidence: null, pdf: null });
  });

  it("tolerates absent optional fields and unknown extra fields", () => {
    const { rg_name: _a, caller_name: _b, ...rest } = LEI_DOC_RECORD;
    const location = ok({ ...rest, some_future_field: "x" });
    expect(location.callerName).toBeNull();
    expect(location.place?.name).toBeNull();
  });

  it.each([
    ["missing", undefined],
    ["null", null],
    ["unparseable", "ten"],
    ["zero", "0"],
    ["negative (the -1 'unknown' convention)", "-1"],
  ])("radius %s → unknown (null), record kept", (_label, radius) => {
    const location = ok({ ...LEI_DOC_RECORD, uncertainty_radius: radius });
    expect(location.uncertainty.radiusM).toBeNull();
    expect(location.uncertainty.confidence).toBe(95);
  });

  it.each([
    ["rectangular", "rectangular"],
    ["Normal", "normal"],
    ["unknown", "unknown"],
    ["gamma", "unknown"],
    [null, null],
  ])("pdf %j → %j", (pdf, expected) => {
    expect(ok({ ...LEI_DOC_RECORD, uncertainty_confidence_pdf: pdf }).uncertainty.pdf).toBe(expected);
  });

  it.each([
    ["68", 68],
    ["0", null],
    ["101", null],
    ["high", null],
  ])("confidence %j → %j", (confidence, expected) => {
    expect(ok({ ...LEI_DOC_RECORD, uncertainty_confidence: confidence }).uncertainty.confidence).toBe(
      expected,
    );
  });

  it("accepts numbers sent as numbers", () => {
    const location = ok({ ...LEI_DOC_RECORD, latitude: 40.5, uncertainty_radius: 12 });
    expect(location.latitude).toBe(40.5);
    expect(location.uncertainty.radiusM).toBe(12);
  });

  it.each([
    "format_version",
    "caller_id",
    "created_time",
    "location_time",
    "call_start_time",
    "source",
    "latitude",
    "longitude",
  ])("drops a record without %s", (field) => {
    const r = reshapeLeiRecord({ ...LEI_DOC_RECORD, [field]: null });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(field);
  });

  it.each([
    ["latitude", "91"],
    ["latitude", "-90.5"],
    ["longitude", "180.01"],
    ["longitude", "NaN"],
    ["latitude", "0x10"],
    ["latitude", ""],
  ])("drops out-of-range or unreadable %s %j", (field, v) => {
    expect(reshapeLeiRecord({ ...LEI_DOC_RECORD, [field]: v }).ok).toBe(false);
  });

  it("drops a record whose values have the wrong type, naming the field but not the value", () => {
    const r = reshapeLeiRecord({ ...LEI_DOC_RECORD, latitude: { lat: 1 }, caller_name: "Jane Roe" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toContain("latitude");
      expect(r.reason).not.toContain("Jane");
    }
  });

  it("drops things that are not records at all", () => {
    expect(reshapeLeiRecord("hello").ok).toBe(false);
    expect(reshapeLeiRecord(null).ok).toBe(false);
  });

  it("nulls an impossible reverse-geocoded point but keeps the record", () => {
    const location = ok({ ...LEI_DOC_RECORD, rg_latitude: "123" });
    expect(location.place?.latitude).toBeNull();
    expect(location.place?.longitude).toBeNull();
    expect(location.place?.address).toBe("526 7th Ave, New York, NY 10018, USA");
  });
});

describe("reshapeLeiPage", () => {
  it("keeps good records, counts bad ones and records for another caller", () => {
    const page = reshapeLeiPage(
      [
        LEI_DOC_RECORD,
        { ...LEI_DOC_RECORD, latitude: "200" },
        { ...LEI_DOC_RECORD, caller_id: "14125550101" },
        LEI_MINIMAL_RECORD,
      ],
      "15555555555",
    );
    expect(page.records).toHaveLength(2);
    expect(page.dropped).toBe(2);
    expect(page.reasons).toEqual([
      "missing or invalid latitude",
      "caller_id differs from the number asked about",
    ]);
  });
});
