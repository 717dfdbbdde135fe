/**
 * POST /v1/alerts, the partner (central station) side of the RapidSOS Alert Management API for tech partners: validate the request the way
 * the platform would, with a `detail` that names the field, and decide coverage (201 / 216 / 217).
 * Both request forms are accepted: 003's `{blocking, callflow, variables: {event, ...}}` and the
 * OpenAPI's flat AlertMetadataRequest. Numbers where strings are documented (zip_code, phone) are
 * accepted as real traffic shows them, and stored as strings.
 */
import { z } from "zod";
import { PLACES } from "../places";
import { ALL_EMERGENCY_TYPES, SITE_TYPES, type WireCivic, type WireContact, type WireGeodetic, type WireLocation } from "./wire";

const text = (max: number) => z.string().trim().min(1).max(max);
/** A string the wire may send as a number (003's own example sends zip_code and phone as numbers). */
const stringish = z.union([z.string(), z.number().finite()]).transform((v) => String(v).trim());

const geodeticSchema = z
  .object({
    latitude: z.number({ error: "latitude is required and must be a number" }).min(-90).max(90),
    longitude: z.number({ error: "longitude is required and must be a number" }).min(-180).max(180),
    uncertainty_radius: z.number().min(-1).optional(),
  })
  .loose();

const civicSchema = z
  .object({
    name: text(200).nullish(),
    street_1: text(200),
    street_2: text(200).nullish(),
    city: text(30),
    state: z.string().trim().length(2, "must be a 2-letter ISO 3166-2 code"),
    country: text(30),
    zip_code: z
      .union([z.string(), z.number().int().nonnegative()])
      .transform((v) => (typeof v === "number" ? String(v).padStart(5, "0") : v.trim()))
      .pipe(z.string().regex(/^\d{5}$/, "must be a 5-digit zip code")),
  })
  .loose();

const locationSchema = z
  .object({ geodetic: geodeticSchema.optional().nullable(), civic: civicSchema.optional().nullable() })
  .loose()
  .refine((l) => l.geodetic || l.civic, { message: "provide geodetic or civic (or both)" });

const contactSchema = z
  .object({ name: text(200), phone: stringish.pipe(z.string().regex(/^\+?[\d\s().-]{7,20}$/, "must be a phone number")), relationship: z.string().max(100).optional(), language: z.string().max(50).optional() })
  .loose();

const enumOf = (values: readonly string[], what: string) =>
  z.string({ error: `${what} is required` }).refine((v) => values.includes(v), { message: `must be one of ${values.join(", ")}` });

export const eventSchema = z
  .object({
    source_id: text(100),
    incident_time: z.number({ error: "incident_time is required (UNIX ms)" }).int().min(0),
    location: locationSchema,
    emergency_type: enumOf(ALL_EMERGENCY_TYPES, "emergency_type"),
    site_type: enumOf(SITE_TYPES, "site_type"),
    service_provider_name: text(50).optional(),
    description: text(150).optional(),
  })
  .loose();

const extrasSchema = z
  .object({
    alarm_description: z.string().max(200).optional(),
    zone_description: z.string().max(200).optional(),
    alarm_permit_number: z.string().max(100).optional(),
    visually_verified: z.boolean().optional(),
    instructions: z.string().max(1000).optional(),
    service_provider_name: text(50).optional(),
    site_phone: stringish.optional(),
    emergency_contacts: z.array(contactSchema).max(10).optional(),
    patient: z.record(z.string(), z.string().max(500)).optional(),
    is_chat_enabled: z.boolean().optional(),
  })
  .loose();

const wrappedSchema = z
  .object({
    blocking: z.boolean().optional(),
    callflow: text(200),
    variables: extrasSchema.extend({ event: eventSchema }),
  })
  .loose();

export interface AlertInput {
  sourceId: string;
  incidentTime: number;
  geodetic: WireGeodetic | null;
  civic: WireCivic | null;
  emergencyType: string;
  siteType: string;
  description: string | null;
  serviceProviderName: string | null;
  extras: {
    alarm_description?: string;
    zone_description?: string;
    alarm_permit_number?: string;
    visually_verified?: boolean;
    instructions?: string;
    site_phone?: string;
    emergency_contacts: WireContact[];
    patient?: Record<string, string>;
  };
  chatEnabled: boolean;
}

export type Parsed = { ok: true; value: AlertInput } | { ok: false; detail: string };

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

export function parseAlertRequest(body: unknown): Parsed {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { ok: false, detail: "The body must be a JSON object." };
  const b = body as Record<string, unknown>;
  let event: z.infer<typeof eventSchema>;
  let extras: z.infer<typeof extrasSchema>;
  if ("variables" in b || "callflow" in b) {
    const parsed = wrappedSchema.safeParse(b);
    if (!parsed.success) return { ok: false, detail: describe(parsed.error) };
    event = parsed.data.variables.event;
    extras = parsed.data.variables;
  } else {
    const parsed = eventSchema.safeParse(b);
    if (!parsed.success) return { ok: false, detail: describe(parsed.error) };
    const ex = extrasSchema.safeParse(b);
    if (!ex.success) return { ok: false, detail: describe(ex.error) };
    event = parsed.data;
    extras = ex.data;
  }
  const g = event.location.geodetic;
  const c = event.location.civic;
  return {
    ok: true,
    value: {
      sourceId: event.source_id,
      incidentTime: event.incident_time,
      geodetic: g ? { latitude: g.latitude, longitude: g.longitude, uncertainty_radius: g.uncertainty_radius ?? -1, altitude: null, vertical_uncertainty: null, estimated_floor_level: null, elevation: null } : null,
      civic: c
        ? { name: c.name ?? null, street_1: c.street_1, street_2: c.street_2 ?? null, city: c.city, state: c.state.toUpperCase(), country: c.country, zip_code: c.zip_code }
        : null,
      emergencyType: event.emergency_type,
      siteType: event.site_type,
      description: event.description ?? extras.alarm_description ?? null,
      serviceProviderName: event.service_provider_name ?? extras.service_provider_name ?? null,
      extras: {
        alarm_description: extras.alarm_description,
        zone_description: extras.zone_description,
        alarm_permit_number: extras.alarm_permit_number,
        visually_verified: extras.visually_verified,
        instructions: extras.instructions,
        site_phone: extras.site_phone,
        emergency_contacts: (extras.emergency_contacts ?? []).map((x) => ({ name: x.name, phone: x.phone, relationship: x.relationship, language: x.language })),
        patient: extras.patient,
      },
      chatEnabled: extras.is_chat_enabled ?? true,
    },
  };
}

/** The sandbox ECC's Alerts coverage: Allegheny County (the same box as the Portal's jurisdiction). */
export const ALERTS_COVERAGE = {
  psap: { id: "sandbox-ecc-allegheny-county", name: "Allegheny County 911 (sandbox)", phone: "14125550100" },
  box: { west: -80.361, south: 40.194, east: -79.688, north: 40.674 },
  /** The south of the county takes alerts as supplemental data only (217). */
  supplementalSouthOf: 40.3,
  supplementalZips: ["15017", "15102", "15129"],
} as const;

export type Coverage = "covered" | "supplemental" | "unsupported";

export function coverageOf(location: WireLocation): Coverage {
  const g = location.geodetic;
  // Geodetic takes precedence when both are given (003, Location).
  if (g && location.provided_location !== "CIVIC") {
    const { box } = ALERTS_COVERAGE;
    const inside = g.latitude >= box.south && g.latitude <= box.north && g.longitude >= box.west && g.longitude <= box.east;
    if (!inside) return "unsupported";
    return g.latitude < ALERTS_COVERAGE.supplementalSouthOf ? "supplemental" : "covered";
  }
  const zip = location.civic?.zip_code ?? "";
  if ((ALERTS_COVERAGE.supplementalZips as readonly string[]).includes(zip)) return "supplemental";
  const state = location.civic?.state ?? "";
  return state === "PA" && /^15[0-2]\d\d$/.test(zip) ? "covered" : "unsupported";
}

/**
 * The platform geocodes a civic-only alert (provided_location says which one the source gave).
 * The sandbox knows the addresses of its small place table; anything else stays without a point.
 */
export function geocode(civic: WireCivic): WireGeodetic | null {
  const street = civic.street_1?.toLowerCase().trim() ?? "";
  if (!street) return null;
  const place = PLACES.find((p) => p.address.toLowerCase().startsWith(street));
  return place ? { latitude: place.lat, longitude: place.lon, uncertainty_radius: -1, altitude: null, vertical_uncertainty: null, estimated_floor_level: null, elevation: null } : null;
}

export function locationOf(input: { geodetic: WireGeodetic | null; civic: WireCivic | null }): WireLocation {
  if (input.geodetic && input.civic) return { geodetic: input.geodetic, civic: input.civic, provided_location: "BOTH" };
  if (input.geodetic) return { geodetic: input.geodetic, civic: null, provided_location: "GEODETIC" };
  return { geodetic: input.civic ? geocode(input.civic) : null, civic: input.civic, provided_location: "CIVIC" };
}
