/** Our own types for Axon device state, after `reshape`. The browser imports these (types only). */

/** Axon's status vocabulary, lower-cased; anything else Axon sends becomes "unknown" (raw kept). */
export type DeviceStatus = "recording" | "buffering" | "docked" | "offline" | "unknown";

export interface DeviceLocation {
  latitude: number;
  longitude: number;
  /** Metres as Axon sent it; Axon states no confidence for it. Null when absent or <= 0. */
  accuracyM: number | null;
  /** When the device reported this position (UNIX ms). */
  at: number;
}

export interface Officer {
  name: string;
  firstName: string;
  lastName: string;
  badge: string;
  userId: string;
}

/** One of a camera's assignees as Axon lists them (the primary first). */
export interface Assignee extends Officer {
  primary: boolean;
}

export interface DeviceSignal {
  /** As Axon sent it, e.g. "GOOD". */
  label: string;
  /** 0–4 when the label is one we know, else null. */
  bars: number | null;
}

export interface Device {
  /** axonDeviceId */
  id: string;
  serial: string;
  /** deviceModel as sent, e.g. "AXON_BODY_4". */
  model: string;
  /** The model as people say it, e.g. "Axon Body 4". */
  modelName: string;
  status: DeviceStatus;
  rawStatus: string;
  batteryPct: number | null;
  signal: DeviceSignal | null;
  /** Null when Axon sent none (no fix yet, or the client lacks Respond `any.locate`). */
  location: DeviceLocation | null;
  /** Primary assignee; null when unassigned or the client lacks Users `read`. */
  officer: Officer | null;
  /** Every assignee Axon listed (a field-training partner too), primary first; [] when none or hidden. */
  assignees: Assignee[];
  /**
   * Axon sent no assignees for any device of the answer: the API client lacks the Users `read`
   * scope, so who wears the camera is not visible (not "unassigned").
   */
  officerHidden: boolean;
  /** partnerName: the agency the camera belongs to. */
  agency: string;
  /** deviceUpdateTimestamp (UNIX ms). */
  updatedAt: number;
}

export interface DevicesResponse {
  agency: string | null;
  devices: Device[];
  /** Device records Axon sent that failed validation and were dropped (and logged). */
  dropped: number;
  serverTime: number;
  /**
   * Set when the answer is incomplete for a reason an admin can fix, e.g. Axon sent no device
   * data because the API client lacks a scope. (Added by the upstream-clients task.)
   */
  notice?: string;
}
