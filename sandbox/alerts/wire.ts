/**
 * The Alerts platform's vocabulary as the sandbox speaks it (Alert Management API 1.1.0, Websocket
 * Events API 1.1.1, and the RapidSOS Alert Management API for tech partners), plus the captured sandbox traffic where it differs.
 */

export const EMERGENCY_TYPES = [
  "BURGLARY", "HOLDUP", "SILENT_ALARM", "CRASH", "MEDICAL", "FIRE", "CO", "OTHER",
  "ACTIVE_ASSAILANT", "MOBILE_PANIC", "TRAIN_DERAILMENT",
] as const;
/** The OpenAPI adds a TEST_ twin for every type. */
export const ALL_EMERGENCY_TYPES: readonly string[] = EMERGENCY_TYPES.flatMap((t) => [t, `TEST_${t}`]);
export const SITE_TYPES = ["RESIDENTIAL", "COMMERCIAL", "VEHICLE", "PERSONAL", "TRAIN"] as const;
export const STATUSES = ["NEW", "IGNORED", "DISPATCH_REQUESTED", "ACCEPTED", "DECLINED", "TIMEOUT", "CANCELED"] as const;
export type AlertStatus = (typeof STATUSES)[number];
/** What an ECC may PATCH (the response enum also has CANCELED). */
export const DISPOSITIONS = ["DISPATCHED", "ENROUTE", "PREEMPTED", "ON_SCENE", "CLEARED_NO_REPORT", "CLEARED_WITH_REPORT", "CLOSED"] as const;
export type AlertDisposition = (typeof DISPOSITIONS)[number] | "CANCELED";
export const EVENT_TYPES = [
  "alert.new", "alert.chat", "alert.disposition_update", "alert.status_update", "alert.milestone",
  "alert.multi_trip_signal", "alert.location_update", "location.prevalidation",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const LOG_MESSAGE_TYPES = ["SYSTEM_UPDATE", "STATUS_UPDATE", "CHAT_MESSAGE", "MILESTONE", "MULTI_TRIP_SIGNAL"] as const;
export type LogMessageType = (typeof LOG_MESSAGE_TYPES)[number];

export const STATUS_DISPLAY: Record<AlertStatus, string> = {
  NEW: "New",
  IGNORED: "Ignored",
  DISPATCH_REQUESTED: "Dispatch Requested",
  // The list sample shows ACCEPTED displayed as "Received" (and 003's example has a RECEIVED status).
  ACCEPTED: "Received",
  DECLINED: "Declined",
  TIMEOUT: "Timeout",
  CANCELED: "Canceled",
};

export const DISPOSITION_DISPLAY: Record<AlertDisposition, string> = {
  DISPATCHED: "Dispatched",
  ENROUTE: "En Route",
  PREEMPTED: "Preempted",
  ON_SCENE: "On Scene",
  CLEARED_NO_REPORT: "Cleared - No Report",
  CLEARED_WITH_REPORT: "Cleared - With Report",
  CLOSED: "Closed",
  CANCELED: "Canceled",
};

export const titleCase = (s: string) =>
  s.toLowerCase().split("_").map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w)).join(" ");

export interface WireGeodetic {
  latitude: number;
  longitude: number;
  uncertainty_radius: number;
  altitude?: number | null;
  vertical_uncertainty?: number | null;
  estimated_floor_level?: number | null;
  elevation?: number | null;
}

export interface WireCivic {
  name: string | null;
  street_1: string | null;
  street_2: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  zip_code: string | null;
}

export interface WireLocation {
  geodetic: WireGeodetic | null;
  civic: WireCivic | null;
  provided_location: "CIVIC" | "GEODETIC" | "BOTH";
}

export interface WireContact {
  name: string;
  phone: string;
  relationship?: string;
  language?: string;
}

export interface WireEntity {
  id: string;
  name: string;
  phone: string;
}

export interface WireLogMessage {
  alert_id: string;
  message: string;
  message_type: LogMessageType;
  sender: string;
  sender_id: string;
  entity_display_name: string;
  created_at: number;
}

/** The alert as GET /v1/alerts/{id} answers it (the alert.new body has the same fields). */
export interface WireAlert {
  alert_id: string;
  source_id: string;
  incident_time: number;
  created_time: number;
  dispatch_requested_time: number | null;
  last_updated_time: number;
  sla_expiration_time: number | null;
  location: WireLocation;
  location_history: (WireLocation & { created_at: number })[];
  emergency_type: { name: string; display_name: string };
  site_type: { name: string; display_name: string };
  status: { name: AlertStatus; display_name: string; entity_display_name?: string; sender?: string };
  disposition: { name: AlertDisposition; display_name: string } | null;
  decline_reason: string | null;
  cancel_reason: string | null;
  description: string | null;
  service_provider_name: string | null;
  is_chat_enabled: boolean;
  is_media_enabled: boolean;
  supplemental_only: boolean;
  covering_psap: WireEntity;
  authorized_entity: WireEntity;
  followers: string[];
  covering_psap_first_viewed_time: number | null;
  subtype: string | null;
  // The recommended security/fire and (m)PERS fields of 003.
  alarm_description?: string;
  zone_description?: string;
  alarm_permit_number?: string;
  visually_verified?: boolean;
  instructions?: string;
  site_phone?: string;
  emergency_contacts: WireContact[];
  patient?: Record<string, string>;
  test_mode: { test_enabled: boolean; internal: boolean };
}

/** One message on the events socket: `{event, body, timestamp}` as documented. */
export interface EventEnvelope {
  event: EventType;
  body: Record<string, unknown>;
  timestamp: number;
}
