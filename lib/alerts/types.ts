/** Central-station alerts as the app understands them: the contract between lib/alerts, the API and the browser. */
import type { UpstreamHealth } from "@/lib/upstream/health";

/** A named enum value as sent; `name` is kept even when we do not know it (unknown enums pass through). */
export interface Named {
  name: string;
  displayName: string;
}

export interface Civic {
  name: string | null;
  street1: string | null;
  street2: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  zip: string | null;
}

export interface AlertLocation {
  /** A point: the device's fix, or RapidSOS's geocode of a civic address (see `provided`). */
  point: { lat: number; lon: number } | null;
  /** Metres; null when unknown (the wire's -1, or absent). */
  radiusM: number | null;
  /** Which part the source gave: CIVIC means the point, if any, is a geocode, not a fix. */
  provided: string | null;
  civic: Civic | null;
  /** When this location was recorded (UNIX ms), when known. */
  at: number | null;
}

export interface Contact {
  name: string;
  phone: string;
  relationship: string | null;
  language: string | null;
}

export interface Entity {
  id: string | null;
  name: string | null;
  phone: string | null;
}

export interface Alert {
  id: string;
  sourceId: string | null;
  incidentTime: number | null;
  createdTime: number;
  dispatchRequestedTime: number | null;
  lastUpdatedTime: number | null;
  slaExpirationTime: number | null;
  status: Named;
  disposition: Named | null;
  emergencyType: Named;
  siteType: Named | null;
  description: string | null;
  serviceProviderName: string | null;
  chatEnabled: boolean;
  supplementalOnly: boolean;
  coveringPsap: Entity | null;
  authorizedEntity: Entity | null;
  location: AlertLocation;
  history: AlertLocation[];
  contacts: Contact[];
  instructions: string | null;
  /** Other recommended fields (zone, permit, site phone, patient…), labelled, in the order sent. */
  details: { label: string; value: string }[];
  declineReason: string | null;
  test: boolean;
}

export type TimelineKind = "status" | "disposition" | "location" | "chat" | "milestone" | "multi_trip" | "system" | "action";

export interface TimelineEntry {
  kind: TimelineKind;
  at: number;
  text: string;
  /** Who: our user's e-mail for our actions, else the sender the upstream named. */
  who: string | null;
  /** Ours (a console here) or theirs (the central station, RapidSOS). */
  ours: boolean;
}

export interface AlertSummary {
  id: string;
  status: Named;
  disposition: Named | null;
  emergencyType: Named;
  siteType: Named | null;
  description: string | null;
  address: string | null;
  location: AlertLocation;
  createdTime: number;
  slaExpirationTime: number | null;
  supplementalOnly: boolean;
  /** Who here accepted or declined it, and when. */
  decidedBy: { email: string; at: number; action: "accepted" | "declined" } | null;
}

export interface AlertsResponse {
  alerts: AlertSummary[];
  /** The data clock: SLA countdowns and ages are computed against it, never the browser's clock. */
  serverTime: number;
  upstream: UpstreamHealth;
  /** Whether the events connection is up (as the runner last reported it). */
  live: boolean;
}

export interface AlertDetailResponse {
  alert: Alert;
  timeline: TimelineEntry[];
  decidedBy: AlertSummary["decidedBy"];
  serverTime: number;
}

export const ACTIVE_STATUSES = ["NEW", "DISPATCH_REQUESTED"] as const;
/** What a console may still ask for on an accepted alert. */
export const ECC_DISPOSITIONS = ["DISPATCHED", "ENROUTE", "ON_SCENE", "PREEMPTED", "CLEARED_NO_REPORT", "CLEARED_WITH_REPORT", "CLOSED"] as const;
export type EccDisposition = (typeof ECC_DISPOSITIONS)[number];
