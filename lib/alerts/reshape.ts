/**
 * Wire alerts and events into our own types. Unknown enum values are kept as sent; -1 or a missing
 * radius becomes `null` (unknown); impossible coordinates lose the point (and say so), never the alert.
 */
import type { z } from "zod";
import type { Alert, AlertLocation, Civic, Contact, Entity, Named } from "./types";
import { alertSchema, contactSchema, locationSchema, logMessageSchema, type WireAlert } from "./wire";

export type Reshaped<T> = { ok: true; value: T; warnings: string[] } | { ok: false; reason: string };

const titleCase = (s: string) =>
  s.toLowerCase().split("_").map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w)).join(" ");

function named(v: { name: string | null; display_name: string | null } | null | undefined): Named | null {
  if (!v || (v.name === null && v.display_name === null)) return null;
  // The list sample sends an emergency_type with only display_name: derive a name so it stays usable.
  const name = v.name ?? (v.display_name as string).toUpperCase().replace(/\s+/g, "_");
  return { name, displayName: v.display_name ?? titleCase(name) };
}

function civic(c: z.infer<typeof locationSchema>["civic"]): Civic | null {
  if (!c) return null;
  const out: Civic = { name: c.name, street1: c.street_1, street2: c.street_2, city: c.city, state: c.state, country: c.country, zip: c.zip_code };
  return Object.values(out).some((v) => v !== null) ? out : null;
}

export function reshapeLocation(raw: unknown, fallbackAt: number | null, warnings: string[]): AlertLocation | null {
  const parsed = locationSchema.safeParse(raw);
  if (!parsed.success) {
    warnings.push("location unreadable");
    return null;
  }
  const l = parsed.data;
  const g = l.geodetic;
  let point: AlertLocation["point"] = null;
  let radiusM: number | null = null;
  if (g && typeof g.latitude === "number" && typeof g.longitude === "number") {
    const valid = Number.isFinite(g.latitude) && Number.isFinite(g.longitude) && Math.abs(g.latitude) <= 90 && Math.abs(g.longitude) <= 180 && !(g.latitude === 0 && g.longitude === 0);
    if (valid) {
      point = { lat: g.latitude, lon: g.longitude };
      radiusM = typeof g.uncertainty_radius === "number" && g.uncertainty_radius > 0 ? g.uncertainty_radius : null;
    } else {
      warnings.push(`impossible coordinates dropped (${g.latitude}, ${g.longitude})`);
    }
  }
  const c = civic(l.civic);
  if (!point && !c) return null;
  return { point, radiusM, provided: l.provided_location ?? (point && c ? "BOTH" : point ? "GEODETIC" : "CIVIC"), civic: c, at: l.created_at ?? fallbackAt };
}

function entity(e: WireAlert["covering_psap"]): Entity | null {
  return e ? { id: e.id, name: e.name, phone: e.phone } : null;
}

const DETAIL_FIELDS: [keyof WireAlert, string][] = [
  ["alarm_description", "Alarm"],
  ["zone_description", "Zone / sensor"],
  ["alarm_permit_number", "Alarm permit"],
  ["site_phone", "Site phone"],
];

export function reshapeAlert(raw: unknown): Reshaped<Alert> {
  const parsed = alertSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, reason: `alert unreadable at ${parsed.error.issues.map((i) => i.path.join(".") || "(root)").slice(0, 3).join(", ")}` };
  }
  const a = parsed.data;
  const warnings: string[] = [];
  // The list sample has no created_time (the OpenAPI's AlertMetadataResponse does not list it): fall back.
  const createdTime = a.created_time ?? a.dispatch_requested_time ?? a.incident_time ?? a.last_updated_time;
  if (createdTime === null) return { ok: false, reason: "alert without created_time or any other time" };
  const location = reshapeLocation(a.location ?? {}, createdTime, warnings) ?? { point: null, radiusM: null, provided: null, civic: null, at: null };
  if (!location.point && !location.civic) warnings.push("alert has neither a geodetic nor a civic location");
  const history: AlertLocation[] = [];
  for (const h of a.location_history ?? []) {
    const loc = reshapeLocation(h, null, warnings);
    if (loc) history.push(loc);
  }
  const contacts: Contact[] = [];
  for (const c of a.emergency_contacts ?? []) {
    const p = contactSchema.safeParse(c);
    if (p.success && p.data.name && p.data.phone) {
      contacts.push({ name: p.data.name, phone: p.data.phone, relationship: p.data.relationship, language: p.data.language });
    } else warnings.push("an emergency contact without name or phone dropped");
  }
  const details: { label: string; value: string }[] = [];
  for (const [field, label] of DETAIL_FIELDS) {
    const v = a[field];
    if (typeof v === "string" && v) details.push({ label, value: v });
  }
  if (typeof a.visually_verified === "boolean") details.push({ label: "Visually verified", value: a.visually_verified ? "yes" : "no" });
  for (const [k, v] of Object.entries(a.patient ?? {})) {
    if (typeof v === "string" && v) details.push({ label: titleCase(k), value: v });
  }
  const status = named(a.status) ?? { name: "UNKNOWN", displayName: "Unknown" };
  return {
    ok: true,
    warnings,
    value: {
      id: a.alert_id,
      sourceId: a.source_id,
      incidentTime: a.incident_time,
      createdTime,
      dispatchRequestedTime: a.dispatch_requested_time,
      lastUpdatedTime: a.last_updated_time,
      slaExpirationTime: a.sla_expiration_time,
      status,
      disposition: named(a.disposition),
      emergencyType: named(a.emergency_type) ?? { name: "OTHER", displayName: "Other" },
      siteType: named(a.site_type),
      description: a.description,
      serviceProviderName: a.service_provider_name,
      chatEnabled: a.is_chat_enabled ?? false,
      supplementalOnly: a.supplemental_only ?? false,
      coveringPsap: entity(a.covering_psap),
      authorizedEntity: entity(a.authorized_entity),
      location,
      history: history.length > 0 ? history : location.point || location.civic ? [location] : [],
      contacts,
      instructions: a.instructions,
      details,
      declineReason: a.decline_reason,
      test: a.test_mode?.test_enabled ?? a.emergency_type?.name?.startsWith("TEST_") ?? false,
    },
  };
}

export interface LogMessage {
  type: string;
  message: string;
  sender: string | null;
  entity: string | null;
  at: number;
}

export function reshapeLogMessage(raw: unknown): LogMessage | null {
  const p = logMessageSchema.safeParse(raw);
  if (!p.success || p.data.message === null || p.data.created_at === null) return null;
  return { type: p.data.message_type ?? "SYSTEM_UPDATE", message: p.data.message, sender: p.data.sender, entity: p.data.entity_display_name, at: p.data.created_at };
}

/** One line for the queue: street, city — or the business name. */
export function addressLine(c: Civic | null): string | null {
  if (!c) return null;
  const street = [c.street1, c.street2].filter(Boolean).join(", ");
  const place = [c.city, [c.state, c.zip].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  const line = [street, place].filter(Boolean).join(", ");
  return line || c.name;
}
