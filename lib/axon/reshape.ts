/**
 * Axon device records → Device. A record without an id, model, serial, status, agency or update
 * time is dropped and counted. Optional parts the API client may not be scoped for (location:
 * Respond any.locate; assignees: Users read) or that arrive malformed become null, so the device
 * still shows in the list.
 */
import type { Assignee, Device, DeviceLocation, DeviceSignal, DeviceStatus, Officer } from "./types";
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

function toAssignees(raw: unknown): Assignee[] {
  const parsed = assigneesSchema.safeParse(raw);
  if (!parsed.success) return [];
  // The primary assignee first; a lone assignee nobody flagged is still the one wearing the camera.
  const list = parsed.data.map((a, i) => ({
    name: `${a.firstName} ${a.lastName}`.trim(),
    firstName: a.firstName,
    lastName: a.lastName,
    badge: a.badgeNumber,
    userId: a.userId,
    primary: a.primary === true || (parsed.data.length === 1 && i === 0 && a.primary !== false),
  }));
  return [...list.filter((a) => a.primary), ...list.filter((a) => !a.primary)];
}

function officerOf(assignees: Assignee[]): Officer | null {
  const person = assignees.find((a) => a.primary);
  if (!person) return null;
  const { primary: _primary, ...officer } = person;
  return officer;
}

/** "AXON_BODY_4" → "Axon Body 4"; whatever Axon adds later reads the same way. */
export function modelName(raw: string): string {
  const words = raw.trim().split(/[_\s]+/).filter(Boolean);
  if (words.length === 0) return raw;
  return words.map((w) => (/^\d/.test(w) ? w : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join(" ");
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
  const assignees = a.assignees === undefined ? [] : toAssignees(a.assignees);
  return {
    ok: true,
    device: {
      id: d.axonDeviceId,
      serial: a.deviceSerial,
      model: d.deviceModel,
      modelName: modelName(d.deviceModel),
      status: toStatus(a.status),
      rawStatus: a.status,
      batteryPct: batteries.success ? (batteries.data[0]?.batteryPercentage ?? null) : null,
      signal: firstSignal ? toSignal(firstSignal.signalStrength) : null,
      location: a.location === undefined ? null : toLocation(a.location),
      officer: officerOf(assignees),
      assignees,
      // Decided for the whole answer in reshapeDevices; alone, a missing list says only this much.
      officerHidden: a.assignees === undefined,
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
  // A client without Users `read` gets no assignees on any device; when some devices carry them,
  // a device without is simply unassigned.
  if (out.devices.some((d) => !d.officerHidden)) {
    for (const d of out.devices) d.officerHidden = false;
  }
  return out;
}
