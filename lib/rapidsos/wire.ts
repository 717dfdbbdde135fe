/**
 * RapidSOS on the wire, as documented (reference 002/003/004 and
 * RapidSOS's public token and error body samples): every populated value is a string, including numbers;
 * nulls are allowed; errors are `{detail}` from the API or `{fault}` from the gateway in front of it.
 */
import { z } from "zod";

/** A numeric value that may arrive as a string ("3599") or, from a less literal server, a number. */
const numeric = z.union([z.string().trim().regex(/^\d+(\.\d+)?$/), z.number()]).transform(Number);

/** POST /oauth/token → our shape. Only access_token and expires_in matter to us. */
export const tokenResponseSchema = z
  .looseObject({
    access_token: z.string().min(1),
    token_type: z.string().optional(),
    issued_at: numeric.optional(),
    // Documented default: 3600 s when the field is left out.
    expires_in: numeric.pipe(z.number().positive()).optional(),
  })
  .transform((t) => ({ accessToken: t.access_token, expiresInSeconds: t.expires_in ?? 3600 }));

/** A record value: documented as string or null; a number is tolerated and read as its text. */
const value = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === undefined || v === null ? null : String(v)));

export const LEI_FIELDS = [
  "format_version",
  "caller_id",
  "created_time",
  "location_time",
  "call_start_time",
  "source",
  "caller_name",
  "positioning_method",
  "application",
  "latitude",
  "longitude",
  "altitude",
  "altitude_uncertainty_radius",
  "uncertainty_radius",
  "uncertainty_confidence",
  "uncertainty_confidence_pdf",
  "rg_engine",
  "rg_name",
  "rg_id",
  "rg_likelihood",
  "rg_address",
  "rg_exact_location",
  "rg_latitude",
  "rg_longitude",
  "rg_contact",
  "rg_additional_info_url",
] as const;

export type LeiField = (typeof LEI_FIELDS)[number];

/** One LEI record with every known field present as string-or-null (unknown fields ignored). */
export const leiRecordSchema = z.looseObject(
  Object.fromEntries(LEI_FIELDS.map((f) => [f, value])) as Record<LeiField, typeof value>,
);
export type LeiWireRecord = { [K in LeiField]: string | null };

/**
 * The page envelope. Records are kept unparsed here so one bad record is dropped on its own
 * instead of failing the page.
 */
export const leiPageSchema = z.looseObject({
  next: z.string().nullable().optional(),
  results: z.array(z.unknown()),
});

export const detailErrorSchema = z.looseObject({ detail: z.unknown() });
export const faultErrorSchema = z.looseObject({
  fault: z.looseObject({
    faultstring: z.string().optional(),
    detail: z.looseObject({ errorcode: z.string().optional() }).optional(),
  }),
});
