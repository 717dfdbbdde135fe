/** Display formats shared by the console panels. Ages are computed elsewhere, from server time. */
import type { DeviceSignal, DeviceStatus } from "@/lib/axon/types";

/** Decimal degrees to six places (~0.1 m): what a CAD or a radio partner can type back. */
export function formatCoordinates(latitude: number, longitude: number): string {
  return `${latitude.toFixed(6)}, ${longitude.toFixed(6)}`;
}

/** 24-hour local time, as dispatch logs use. */
export function formatClock(ms: number): string {
  return new Date(ms).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.toLocaleDateString("en-CA")} ${formatClock(ms)}`;
}

export const STATUS_LABEL: Record<DeviceStatus, string> = {
  recording: "Recording",
  buffering: "Buffering",
  docked: "Docked",
  offline: "Offline",
  unknown: "Unknown",
};

export function formatBattery(pct: number | null): string {
  return pct === null ? "battery ?" : `${Math.round(pct)}%`;
}

export function formatSignal(signal: DeviceSignal | null): string {
  if (!signal) return "signal ?";
  return signal.bars === null ? signal.label : `${signal.label} (${signal.bars}/4)`;
}

/** `hidden`: Axon withholds assignees from this API client (no Users read), which is not "unassigned". */
export function officerLabel(officer: { name: string; badge: string } | null, serial: string, hidden = false): string {
  if (officer) return `${officer.name} #${officer.badge}`;
  return hidden ? `Officer not visible ${serial}` : `Unassigned ${serial}`;
}
