/**
 * What our LEI proxy accepts, with LEI's own semantics: `start` and `limit` that are not positive
 * integers are ignored (as LEI ignores them), `limit` is capped at LEI's maximum of 100, and a
 * caller id in any common format is normalised. A cursor stands in for caller_id on later pages.
 */
import { z } from "zod";
import { phoneNumberSchema } from "@/lib/phone/normalize";

export const LEI_MAX_LIMIT = 100;

const positiveInteger = z
  .union([z.string(), z.number()])
  .optional()
  .transform((v) => {
    const n = typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
    return typeof n === "number" && Number.isSafeInteger(n) && n > 0 ? n : undefined;
  });

const limit = positiveInteger.transform((n) => (n === undefined ? n : Math.min(n, LEI_MAX_LIMIT)));
const cursor = z.string().trim().min(1).max(8_192).optional();

export interface LeiQuery {
  /** Digits with country code. */
  callerId?: string;
  start?: number;
  limit?: number;
  cursor?: string;
}

const needCaller = (q: LeiQuery) => q.callerId !== undefined || q.cursor !== undefined;
const needCallerMessage = { message: "caller_id is required (a phone number, e.g. 412-555-0101)." };

/** GET /api/lei/location?caller_id=&start=&limit=&cursor= */
export const leiGetQuerySchema: z.ZodType<LeiQuery> = z
  .object({ caller_id: phoneNumberSchema.optional(), start: positiveInteger, limit, cursor })
  .transform(({ caller_id, ...rest }) => ({ callerId: caller_id, ...rest }))
  .refine(needCaller, needCallerMessage);

const telQuery = z
  .string()
  .regex(/^tel:/i, "query must be a tel: URI, e.g. tel://14125550101")
  .pipe(phoneNumberSchema);

/** POST /api/lei/location {caller_id | query: "tel://…", start, limit, cursor} */
export const leiPostBodySchema: z.ZodType<LeiQuery> = z
  .object({
    caller_id: z.union([z.string(), z.number().transform(String)]).pipe(phoneNumberSchema).optional(),
    query: telQuery.optional(),
    start: positiveInteger,
    limit,
    cursor,
  })
  .refine((b) => !(b.caller_id && b.query && b.caller_id !== b.query), {
    message: "caller_id and query name different numbers.",
  })
  .transform(({ caller_id, query, ...rest }) => ({ callerId: caller_id ?? query, ...rest }))
  .refine(needCaller, needCallerMessage);
