/**
 * Axon device records → Device. A record without an id, model, serial, status, agency or update
 * time is dropped and counted. Optional parts the API client may not be scoped for (location:
 * Respond any.locate; assignees: Users read) or that arrive malformed become null, so the device
 * still shows in the list.
 */
import type { Device, DeviceLocation, DeviceSignal, DeviceStatus, Officer } from "./types";
import {
  assigneesSchema,
  batteriesSchema,
  deviceCoreSchema,
  locationSchema,
  signalStrengthsSchema,
} from "./wire";

const KNOWN_STATUSES: ReadonlySet<DeviceStatus> = new Set([
  "recording",
  "buffering",
  "docked",
  "offline",
]);

export const SIGNAL_BARS: Readonly<Record<string, number>> = {
  EXCELLENT: 4,
  GOOD: 3,
  FAIR: 2,
  POOR: 1,
  NONE: 0,
};

export type ReshapedDevice = { ok: true; device: Device } | { ok: false; reason: string };

export interface ReshapedDevices {
  devices: Device[];
  dropped: number;
  reasons: string[];
}

export function toStatus(raw: string): DeviceStatus {
  const status = raw.trim().toLowerCase();
  return KNOWN_STATUSES.has(status as DeviceStatus) ? (status as DeviceStatus) : "unknown";
}

export function toSignal(label: string): DeviceSignal {
  const bars = SIGNAL_BARS[label.trim().toUpperCase()];
  return { label, bars: bars ?? null };
}

function toLocation(raw: unknown): DeviceLocation | null {
  const parsed = locationSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { latitude, longitude, accuracy, locationUpdateTimestamp } = parsed.data;
  return {
    latitude,
    longitude,
    accuracyM: typeof accuracy === "number" && accuracy > 0 ? accuracy : null,
    at: locationUpdateTimestamp,
  };
}

function toOfficer(raw: unknown): Officer | null {
  const parsed = assigneesSchema.safeParse(raw);
  if (!parsed.success || parsed.data.length === 0) return null;
  // The primary assignee; a lone assignee nobody flagged is still the one wearing the camera.
  const person =
    parsed.data.find((a) => a.primary === true) ??
    (parsed.data.length === 1 && parsed.data[0]?.primary !== false ? parsed.data[0] : undefined);
  if (!person) return null;
  return {
    name: `${person.firstName} ${person.lastName}`.trim(),
    firstName: person.firstName,
    lastName: person.lastName,
    badge: person.badgeNumber,
    userId: person.userId,
  };
}

export function reshapeDevice(raw: unknown): ReshapedDevice {
  const parsed = deviceCoreSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "record"))];
    return { ok: false, reason: `missing or invalid ${fields.join(", ")}` };
  }
  const d = parsed.data;
  const a = d.attributes;
  const batteries = batteriesSchema.safeParse(a.batteries);
  const signals = signalStrengthsSchema.safeParse(a.signalStrengths);
  const firstSignal = signals.success ? signals.data[0] : undefined;
  return {
    ok: true,
    device: {
      id: d.axonDeviceId,
      serial: a.deviceSerial,
      model: d.deviceModel,
      status: toStatus(a.status),
      rawStatus: a.status,
      batteryPct: batteries.success ? (batteries.data[0]?.batteryPercentage ?? null) : null,
      signal: firstSignal ? toSignal(firstSignal.signalStrength) : null,
      location: a.location === undefined ? null : toLocation(a.location),
      officer: a.assignees === undefined ? null : toOfficer(a.assignees),
      agency: d.partnerName,
      updatedAt: d.deviceUpdateTimestamp,
    },
  };
}

/** Reshape every device, dropping malformed ones and duplicates of an id already seen. */
export function reshapeDevices(raws: unknown[]): ReshapedDevices {
  const out: ReshapedDevices = { devices: [], dropped: 0, reasons: [] };
  const seen = new Set<string>();
  for (const raw of raws) {
    const r = reshapeDevice(raw);
    if (!r.ok) {
      out.dropped++;
      out.reasons.push(r.reason);
    } else if (seen.has(r.device.id)) {
      // Paging over a changing list can repeat a device; the first copy wins.
      continue;
    } else {
      seen.add(r.device.id);
      out.devices.push(r.device);
    }
  }
  return out;
}
