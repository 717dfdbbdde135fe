import { describe, expect, it } from "vitest";
import type { Device } from "@/lib/axon/types";
import type { DeviceView } from "@/lib/map/features";
import { matchesDeviceQuery } from "./use-device-filter";

const view = (over: Partial<Device>): DeviceView => ({
  device: {
    id: "d1",
    serial: "X79722458",
    model: "AXON_BODY_3",
    modelName: "Axon Body 3",
    status: "recording",
    rawStatus: "RECORDING",
    batteryPct: 68,
    signal: null,
    location: null,
    officer: { name: "Priya Costa", firstName: "Priya", lastName: "Costa", badge: "1861", userId: "u1" },
    assignees: [],
    officerHidden: false,
    agency: "pgh",
    updatedAt: 0,
    ...over,
  },
  freshness: "live",
  ageMs: 0,
});

describe("matchesDeviceQuery", () => {
  it.each([
    ["", true],
    ["costa", true],
    ["Priya C", true],
    ["1861", true],
    ["x7972", true],
    ["X79-722-458", true],
    ["flaherty", false],
    ["9999", false],
  ])("%j → %s", (q, expected) => {
    expect(matchesDeviceQuery(view({}), q)).toBe(expected);
  });

  it("finds an unassigned device by serial only", () => {
    expect(matchesDeviceQuery(view({ officer: null }), "D01")).toBe(false);
    expect(matchesDeviceQuery(view({ officer: null, serial: "D01A02370" }), "d01a")).toBe(true);
  });
});
