import { describe, expect, it } from "vitest";
import { modelName, reshapeDevice, reshapeDevices, toSignal, toStatus } from "./reshape";
import { AXON_DEVICE, AXON_DEVICE_UNSCOPED } from "./wire-fixtures";
import { axonTokenResponseSchema } from "./wire";
import { AXON_TOKEN_RESPONSE } from "./wire-fixtures";

function ok(raw: unknown) {
  const r = reshapeDevice(raw);
  if (!r.ok) throw new Error(`dropped: ${r.reason}`);
  return r.device;
}

const withAttributes = (attributes: Record<string, unknown>) => ({
  ...AXON_DEVICE,
  attributes: { ...AXON_DEVICE.attributes, ...attributes },
});

describe("reshapeDevice", () => {
  it("reshapes a full record", () => {
    expect(ok(AXON_DEVICE)).toEqual({
      id: "dev-0001",
      serial: "X6039112A",
      model: "AXON_BODY_4",
      modelName: "Axon Body 4",
      status: "recording",
      rawStatus: "RECORDING",
      batteryPct: 76,
      signal: { label: "GOOD", bars: 3 },
      location: { latitude: 40.44062, longitude: -79.99589, accuracyM: 8.5, at: 1762171195000 },
      officer: { name: "Dana Reyes", firstName: "Dana", lastName: "Reyes", badge: "4471", userId: "user-17" },
      assignees: [{ name: "Dana Reyes", firstName: "Dana", lastName: "Reyes", badge: "4471", userId: "user-17", primary: true }],
      officerHidden: false,
      agency: "Example County Sheriff",
      updatedAt: 1762171200000,
    });
  });

  it("gives null location, officer, battery and signal when the client is not scoped for them", () => {
    expect(ok(AXON_DEVICE_UNSCOPED)).toMatchObject({
      status: "docked",
      location: null,
      officer: null,
      batteryPct: null,
      signal: null,
    });
  });

  it.each([
    ["RECORDING", "recording"],
    ["Buffering", "buffering"],
    ["DOCKED", "docked"],
    ["OFFLINE", "offline"],
    ["STREAMING", "unknown"],
    ["", "unknown"],
  ])("status %j → %j", (raw, status) => {
    expect(toStatus(raw)).toBe(status);
    if (raw) expect(ok(withAttributes({ status: raw })).rawStatus).toBe(raw);
  });

  it.each([
    ["EXCELLENT", 4],
    ["GOOD", 3],
    ["FAIR", 2],
    ["POOR", 1],
    ["NONE", 0],
    ["good", 3],
    ["LTE_STRONG", null],
  ])("signal %j → %j bars", (label, bars) => {
    expect(toSignal(label)).toEqual({ label, bars });
  });

  it("takes battery from the first battery", () => {
    expect(ok(withAttributes({ batteries: [{ batteryPercentage: 12 }, { batteryPercentage: 99 }] })).batteryPct).toBe(12);
    expect(ok(withAttributes({ batteries: [] })).batteryPct).toBeNull();
    expect(ok(withAttributes({ batteries: [{ batteryPercentage: 140 }] })).batteryPct).toBeNull();
  });

  it("nulls a malformed or impossible location but keeps the device", () => {
    expect(ok(withAttributes({ location: { latitude: 95, longitude: 0, accuracy: 5, locationUpdateTimestamp: 1 } })).location).toBeNull();
    expect(ok(withAttributes({ location: { latitude: "40" } })).location).toBeNull();
  });

  it("treats accuracy <= 0 or missing as unknown", () => {
    const loc = { latitude: 40, longitude: -80, locationUpdateTimestamp: 5 };
    expect(ok(withAttributes({ location: { ...loc, accuracy: 0 } })).location?.accuracyM).toBeNull();
    expect(ok(withAttributes({ location: loc })).location?.accuracyM).toBeNull();
  });

  it("picks the primary assignee", () => {
    const person = (first: string, primary?: boolean) => ({
      assigneeType: "USER",
      firstName: first,
      lastName: "X",
      badgeNumber: "1",
      userId: first,
      ...(primary === undefined ? {} : { primary }),
    });
    expect(ok(withAttributes({ assignees: [person("A", false), person("B", true)] })).officer?.firstName).toBe("B");
    expect(ok(withAttributes({ assignees: [person("A")] })).officer?.firstName).toBe("A");
    expect(ok(withAttributes({ assignees: [person("A", false)] })).officer).toBeNull();
    expect(ok(withAttributes({ assignees: [] })).officer).toBeNull();
  });

  it("keeps every assignee, the primary first, each with its user id", () => {
    const person = (first: string, primary: boolean) => ({
      assigneeType: "USER", firstName: first, lastName: "Kim", badgeNumber: `b-${first}`, userId: `u-${first}`, primary,
    });
    const d = ok(withAttributes({ assignees: [person("Trainee", false), person("Lead", true)] }));
    expect(d.assignees.map((a) => [a.name, a.badge, a.userId, a.primary])).toEqual([
      ["Lead Kim", "b-Lead", "u-Lead", true],
      ["Trainee Kim", "b-Trainee", "u-Trainee", false],
    ]);
    expect(d.officer?.userId).toBe("u-Lead");
  });

  it.each([
    ["AXON_BODY_4", "Axon Body 4"],
    ["AXON_BODY_3", "Axon Body 3"],
    ["AXON_FLEET_3", "Axon Fleet 3"],
    ["axon_body_mini", "Axon Body Mini"],
    ["", ""],
  ])("names the model %s as %s", (raw, name) => {
    expect(modelName(raw)).toBe(name);
  });

  it.each([
    ["axonDeviceId", { ...AXON_DEVICE, axonDeviceId: undefined }],
    ["deviceModel", { ...AXON_DEVICE, deviceModel: 4 }],
    ["partnerName", { ...AXON_DEVICE, partnerName: null }],
    ["deviceUpdateTimestamp", { ...AXON_DEVICE, deviceUpdateTimestamp: "yesterday" }],
    ["attributes.status", withAttributes({ status: undefined })],
    ["attributes.deviceSerial", withAttributes({ deviceSerial: 12 })],
    ["attributes", { ...AXON_DEVICE, attributes: null }],
  ])("drops a device with a bad %s", (field, raw) => {
    const r = reshapeDevice(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(field);
  });
});

describe("reshapeDevices", () => {
  it("counts drops and keeps the first copy of a repeated device", () => {
    const r = reshapeDevices([AXON_DEVICE, "junk", AXON_DEVICE_UNSCOPED, { ...AXON_DEVICE, deviceModel: "OTHER" }]);
    expect(r.devices.map((d) => d.id)).toEqual(["dev-0001", "dev-0002"]);
    expect(r.devices[0]?.model).toBe("AXON_BODY_4");
    expect(r.dropped).toBe(1);
  });

  it("reads assignees missing from every device as hidden (no Users read), from some as unassigned", () => {
    const { assignees: _, ...attributes } = AXON_DEVICE.attributes as Record<string, unknown>;
    const bare = (id: string) => ({ ...AXON_DEVICE, axonDeviceId: id, attributes });
    const hidden = reshapeDevices([bare("a"), bare("b")]).devices;
    expect(hidden.map((d) => [d.officer, d.officerHidden])).toEqual([[null, true], [null, true]]);
    const mixed = reshapeDevices([AXON_DEVICE, bare("b")]).devices;
    expect(mixed.map((d) => d.officerHidden)).toEqual([false, false]);
    expect(mixed[1]?.officer).toBeNull();
  });
});

describe("axonTokenResponseSchema", () => {
  it("reads the documented token response", () => {
    expect(axonTokenResponseSchema.parse(AXON_TOKEN_RESPONSE)).toEqual({
      accessToken: "axon-opaque-token",
      expiresInSeconds: 14400,
    });
  });

  it("falls back to expires_on and refuses a token with no lifetime", () => {
    const { expires_in: _, ...rest } = AXON_TOKEN_RESPONSE;
    const inAnHour = Date.now() + 3_600_000;
    const parsed = axonTokenResponseSchema.parse({ ...rest, expires_on: inAnHour });
    expect(parsed.expiresInSeconds).toBeGreaterThan(3590);
    const { expires_on: __, ...none } = rest;
    expect(axonTokenResponseSchema.safeParse(none).success).toBe(false);
  });
});
