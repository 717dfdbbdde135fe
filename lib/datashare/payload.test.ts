import { describe, expect, it } from "vitest";
import { parsePayload } from "./payload";

const base = {
  query: "tel://14125550101",
  access_token: "abcDEF123",
  incident_location: { latitude: 40.4406, longitude: -79.9959 },
  ecc_account_id: "ecc-42",
  bounding_box: [-80.36, 40.19, -79.69, 40.67],
};
const without = (key: keyof typeof base) => {
  const copy: Record<string, unknown> = { ...base };
  delete copy[key];
  return copy;
};
const ok = (data: unknown) => {
  const result = parsePayload(data);
  if (!result.ok) throw new Error(`expected accepted, got ${result.field}: ${result.detail}`);
  return result;
};

describe("Data Share payload", () => {
  it("reads the excerpt's fields and reports which variants were used", () => {
    const { payload, variants, unknownFields } = ok({ ...base, share_id: "x", extra: { nested: true } });
    expect(payload).toMatchObject({
      phone: "14125550101",
      incident: { latitude: 40.4406, longitude: -79.9959 },
      eccAccountId: "ecc-42",
      bbox: [-80.36, 40.19, -79.69, 40.67],
    });
    expect(payload.accessToken.reveal()).toBe("abcDEF123");
    expect(String(payload.accessToken)).toBe("[redacted]");
    expect(JSON.stringify(payload)).not.toContain("abcDEF123");
    expect(variants).toEqual({ phone: "query", incident: "incident_location", eccAccountId: "ecc_account_id", bbox: "bounding_box:array" });
    expect(unknownFields).toEqual(["share_id", "extra"]);
  });

  it.each([
    ["phone_number", "+1 (412) 555-0101"],
    ["phoneNumber", "412-555-0101"],
    ["phone", "4125550101"],
    ["caller_id", 14125550101],
    ["callback_number", "tel:+14125550101"],
  ])("takes the phone number from %s", (field, value) => {
    const { payload, variants } = ok({ ...without("query"), [field]: value });
    expect(payload.phone).toBe("14125550101");
    expect(variants.phone).toBe(field);
  });

  it.each([
    [{ location: { lat: "40.5", lng: "-80.1" } }, "location", { latitude: 40.5, longitude: -80.1 }],
    [{ latitude: "40.5", longitude: -80.1 }, "latitude/longitude", { latitude: 40.5, longitude: -80.1 }],
    [{ incident_location: { latitude: 0, longitude: 0 } }, "incident_location", { latitude: 0, longitude: 0 }],
    [{ location: { civic: "436 Grant St" } }, "location:unrecognised", null],
    [{ location: "436 Grant St" }, "location:unrecognised", null],
    [{}, null, null],
  ])("incident location %j → %s", (fields, variant, incident) => {
    const { payload, variants } = ok({ ...without("incident_location"), ...fields });
    expect(variants.incident).toBe(variant);
    expect(payload.incident).toEqual(incident);
  });

  it.each([
    ["account_id", "a-1", "a-1"],
    ["eccAccountId", 1234, "1234"],
    ["ecc_account_id", "  ", null],
  ])("takes the ECC account id from %s", (field, value, expected) => {
    expect(ok({ ...without("ecc_account_id"), [field]: value }).payload.eccAccountId).toBe(expected);
  });

  const box = [-80.36, 40.19, -79.69, 40.67];
  it.each([
    [[-80.36, 40.19, -79.69, 40.67], "array"],
    [["-80.36", "40.19", "-79.69", "40.67"], "array"],
    [{ min_lat: 40.19, min_lon: -80.36, max_lat: 40.67, max_lon: -79.69 }, "min/max"],
    [{ minLat: 40.19, minLng: -80.36, maxLat: 40.67, maxLng: -79.69 }, "min/max"],
    [{ north: 40.67, south: 40.19, east: -79.69, west: -80.36 }, "north/south/east/west"],
    [{ top_left: { lat: 40.67, lon: -80.36 }, bottom_right: { lat: 40.19, lon: -79.69 } }, "top_left/bottom_right"],
    [{ northeast: { lat: 40.67, lng: -79.69 }, southwest: { lat: 40.19, lng: -80.36 } }, "northeast/southwest"],
  ])("reads the bounding box %j", (bbox, variant) => {
    const { payload, variants } = ok({ ...base, bounding_box: bbox });
    expect(payload.bbox).toEqual(box);
    expect(variants.bbox).toBe(`bounding_box:${variant}`);
  });

  it("keeps a box that crosses the antimeridian (west > east)", () => {
    expect(ok({ ...base, bounding_box: [170, -20, -170, -10] }).payload.bbox).toEqual([170, -20, -170, -10]);
  });

  it.each([
    ["not an object", [1, 2], "body"],
    ["no phone", without("query"), "query"],
    ["a phone that is not one", { ...base, query: "tel://12" }, "query"],
    ["a phone of letters", { ...base, query: "tel://call-me" }, "query"],
    ["a phone as an object", { ...base, phone: { n: 1 }, query: undefined }, "phone"],
    ["no access token", without("access_token"), "access_token"],
    ["an empty access token", { ...base, access_token: " " }, "access_token"],
    ["an access token as a number", { ...base, access_token: 42 }, "access_token"],
    ["an access token with spaces inside", { ...base, access_token: "a b" }, "access_token"],
    ["latitude 91", { ...base, incident_location: { latitude: 91, longitude: 0 } }, "incident_location.latitude"],
    ["longitude -181", { ...base, incident_location: { latitude: 0, longitude: -181 } }, "incident_location.longitude"],
    ["latitude without longitude", { ...base, incident_location: { latitude: 40 } }, "incident_location.longitude"],
    ["a non-numeric latitude", { ...base, incident_location: { latitude: "north", longitude: 0 } }, "incident_location.latitude"],
    ["an infinite latitude string", { ...base, incident_location: { latitude: "1e999", longitude: 0 } }, "incident_location.latitude"],
    ["top-level latitude alone", { ...without("incident_location"), latitude: 40 }, "longitude"],
    ["an account id as an object", { ...base, ecc_account_id: { id: 1 } }, "ecc_account_id"],
    ["no bounding box", without("bounding_box"), "bounding_box"],
    ["a 3-number box", { ...base, bounding_box: [1, 2, 3] }, "bounding_box"],
    ["a box with south > north", { ...base, bounding_box: [-80, 41, -79, 40] }, "bounding_box"],
    ["a box latitude out of range", { ...base, bounding_box: [-80, -91, -79, 40] }, "bounding_box[1]"],
    ["a box longitude out of range", { ...base, bounding_box: [-200, 40, -79, 41] }, "bounding_box[0]"],
    ["a min/max box missing an edge", { ...base, bounding_box: { min_lat: 1, min_lon: 1, max_lat: 2 } }, "bounding_box.max_lon"],
    ["corners upside down", { ...base, bounding_box: { top_left: { lat: 40, lon: -80 }, bottom_right: { lat: 41, lon: -79 } } }, "bounding_box"],
    ["a box as a string", { ...base, bounding_box: "-80,40,-79,41" }, "bounding_box"],
    ["a box of unknown shape", { ...base, bounding_box: { a: 1 } }, "bounding_box"],
  ])("refuses %s, naming the field", (_, data, field) => {
    const result = parsePayload(data);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.field).toBe(field);
  });

  it("keeps the (valid) phone number of a refused delivery for the audit trail", () => {
    const result = parsePayload({ ...base, bounding_box: [0, 1, 0, 0] });
    expect(result).toMatchObject({ ok: false, phone: "14125550101" });
  });
});
