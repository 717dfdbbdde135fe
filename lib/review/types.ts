/**
 * What supervisor review shows and the review API returns: the contract between the server, the
 * review pages and other teams' tools. Types only, so the browser may import it.
 */
import type { CallShare, CallSummary } from "@/lib/calls/types";
import type { CallerLocation } from "@/lib/rapidsos/types";

/** One stored call as the review list shows it. */
export interface ReviewCallRow {
  id: string;
  /** Digits with country code, e.g. "14125550101". */
  phone: string;
  callerName: string | null;
  status: "active" | "ended";
  /** LEI `call_start_time` (ms); null for a Data Share call LEI never answered for. */
  callStartTime: number | null;
  /** When this app first heard of the call (ms); orders calls LEI gave no start for. */
  firstSeenAt: number;
  /** `location_time` of the newest stored location (ms). */
  lastLocationAt: number | null;
  /** The newest stored location, for the list's coordinates column. */
  latest: { latitude: number; longitude: number } | null;
  endedAt: number | null;
  locationCount: number;
  shared: boolean;
  /** The newest Data Share delivery for the call (ECC account, box, outside flag), if any. */
  share: CallShare | null;
}

export interface ReviewListResponse {
  calls: ReviewCallRow[];
  /** Pass back as `before` for the next (older) page; null on the last page. */
  nextBefore: string | null;
}

/**
 * One stored LEI record with what only the app knows about it. A superset of CallerLocation, so a
 * tool that reads `/api/calls/<id>` trails reads these too.
 */
export interface ReviewPoint extends CallerLocation {
  /** When this app stored the record (ms, server clock). */
  receivedAt: number;
  /** Outside the shared call's jurisdiction box; null when the call was not shared with a box. */
  outsideJurisdiction: boolean | null;
}

export interface ReviewCallResponse {
  call: CallSummary;
  /** Every stored location, oldest first. */
  trail: ReviewPoint[];
  /** The newest Data Share delivery (same as `call.share`), surfaced for tools that only want it. */
  share: CallShare | null;
  serverTime: number;
}

/** A body camera where it last reported at or before a moment, ranked from the caller. */
export interface NearestDevice {
  deviceId: string;
  serial: string;
  officerName: string | null;
  badge: string | null;
  /** Axon status when that position was stored. */
  status: string;
  latitude: number;
  longitude: number;
  accuracyM: number | null;
  /** When the device reported that position (ms). */
  at: number;
  /** How old that position was at the requested moment (ms). */
  ageMs: number;
  distanceM: number;
  bearingDeg: number;
}

export interface NearestDevicesResponse {
  /** The moment asked about (ms). */
  at: number;
  /** The caller's location at that moment (the newest stored at or before it), ranked from. */
  origin: { latitude: number; longitude: number; locationTime: number } | null;
  /** Positions older than this at `at` are left out: that device's whereabouts were unknown. */
  maxAgeMs: number;
  devices: NearestDevice[];
}
