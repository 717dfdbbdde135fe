/**
 * RapidSOS Alerts on the wire, as documented (Alert Management API 1.1.0, Websocket Events API
 * 1.1.1) and as real traffic shows it: `event_type` where the spec says `event`, zip codes and
 * phone numbers as numbers or strings, timestamps as numbers or numeric strings, nulls anywhere,
 * `uncertainty_radius: -1`. Enum values are read as plain strings so unknown ones are kept.
 */
import { z } from "zod";

/** A string the wire may send as a number; null when absent. */
export const stringish = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === undefined || v === null || String(v).trim() === "" ? null : String(v).trim()));

/** UNIX ms as a number or a numeric string (`created_at` is a string in update events). */
export const millis = z
  .union([z.number(), z.string().trim().regex(/^\d+$/), z.null()])
  .optional()
  .transform((v) => (v === undefined || v === null ? null : Number(v)));

const num = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number), z.null()]).optional();

export const namedSchema = z
  .looseObject({ name: stringish, display_name: stringish })
  .nullish();

export const geodeticSchema = z
  .looseObject({ latitude: num, longitude: num, uncertainty_radius: num })
  .nullish();

export const civicSchema = z
  .looseObject({ name: stringish, street_1: stringish, street_2: stringish, city: stringish, state: stringish, country: stringish, zip_code: stringish })
  .nullish();

export const locationSchema = z.looseObject({
  geodetic: geodeticSchema,
  civic: civicSchema,
  provided_location: stringish,
  created_at: millis,
});

const entitySchema = z.looseObject({ id: stringish, name: stringish, phone: stringish }).nullish();

const contactSchema = z.looseObject({ name: stringish, phone: stringish, relationship: stringish, language: stringish });

export const alertSchema = z.looseObject({
  alert_id: z.string().min(1).max(200),
  source_id: stringish,
  incident_time: millis,
  created_time: millis,
  dispatch_requested_time: millis,
  last_updated_time: millis,
  sla_expiration_time: millis,
  location: locationSchema.nullish(),
  location_history: z.array(z.unknown()).nullish(),
  emergency_type: namedSchema,
  site_type: namedSchema,
  status: namedSchema,
  disposition: namedSchema,
  decline_reason: stringish,
  description: stringish,
  service_provider_name: stringish,
  is_chat_enabled: z.boolean().nullish(),
  supplemental_only: z.boolean().nullish(),
  covering_psap: entitySchema,
  authorized_entity: entitySchema,
  emergency_contacts: z.array(z.unknown()).nullish(),
  instructions: stringish,
  alarm_description: stringish,
  zone_description: stringish,
  alarm_permit_number: stringish,
  visually_verified: z.boolean().nullish(),
  site_phone: stringish,
  patient: z.record(z.string(), z.unknown()).nullish(),
  test_mode: z.looseObject({ test_enabled: z.boolean().nullish() }).nullish(),
  logs: z.array(z.unknown()).nullish(),
});
export type WireAlert = z.infer<typeof alertSchema>;

export { contactSchema };

export const listSchema = z.looseObject({
  alerts_until: millis,
  alerts: z.array(z.unknown()),
});

export const logMessageSchema = z.looseObject({
  alert_id: stringish,
  message: stringish,
  message_type: stringish,
  sender: stringish,
  sender_id: stringish,
  entity_display_name: stringish,
  created_at: millis,
});

export const statusReplySchema = z.looseObject({ status: namedSchema, disposition: namedSchema, last_updated_time: millis });

/** The events socket's envelope: `event` as documented, `event_type` as captured. */
export const envelopeSchema = z
  .looseObject({
    event: z.string().optional(),
    event_type: z.string().optional(),
    body: z.record(z.string(), z.unknown()),
    timestamp: millis,
  })
  .refine((e) => e.event !== undefined || e.event_type !== undefined, { message: "neither event nor event_type" })
  .transform((e) => ({ type: (e.event ?? e.event_type) as string, body: e.body, timestamp: e.timestamp }));

/** Update events share these (AlertUpdateEventCommonBody). */
export const updateSchema = z.looseObject({
  alert_id: z.string().min(1).max(200),
  created_at: millis,
  message_time: millis,
  entity_display_name: stringish,
  entity_id: stringish,
  sender: stringish,
  sender_id: stringish,
  message: stringish,
  message_type: stringish,
  status: z.looseObject({ name: stringish, display_name: stringish, sla_expiration_time: millis }).nullish(),
  disposition: namedSchema,
});

export const locationUpdateSchema = locationSchema.extend({ alert_id: z.string().min(1).max(200) });

export const tokenSchema = z
  .looseObject({
    access_token: z.string().min(1),
    expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  })
  .transform((t) => ({ accessToken: t.access_token, expiresInSeconds: t.expires_in ?? 3600 }));
