/**
 * What our LEI proxy accepts, with LEI's own semantics: `start` and `limit` that are not positive
 * integers are ignored (as LEI ignores them), `limit` is capped at LEI's maximum of 100, and a
 * caller id in any common format is normalised. A cursor stands in for caller_id on later pages.
 * Everything is checked here, at the edge: the LEI client takes a `LeiQuery` as valid.
 */
import { z } from "zod";
import { phoneNumberSchema } from "@/lib/phone/normalize";
import { decodeCursor, InvalidCursorError, type LeiPage } from "./cursor";

export const LEI_MAX_LIMIT = 100;

const positiveInteger = z
  .union([z.string(), z.number()])
  .optional()
  .transform((v) => {
    const n = typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
    return typeof n === "number" && Number.isSafeInteger(n) && n > 0 ? n : undefined;
  });

const limit = positiveInteger.transform((n) => (n === undefined ? n : Math.min(n, LEI_MAX_LIMIT)));
const cursor = z
  .string()
  .trim()
  .min(1)
  .max(8_192)
  .transform((value, ctx) => {
    try {
      return decodeCursor(value);
    } catch (err) {
      if (!(err instanceof InvalidCursorError)) throw err;
      ctx.addIssue({ code: "custom", message: err.message });
      return z.NEVER;
    }
  })
  .optional();

/** A first page for a normalised caller id (digits with country code), or a later page. */
export type LeiQuery = { callerId: string; start?: number; limit?: number } | { page: LeiPage };

/** The caller a query is about, whichever page it asks for. */
export function callerOf(query: LeiQuery): string {
  return "page" in query ? query.page.callerId : query.callerId;
}

interface Fields {
  callerId?: string;
  start?: number;
  limit?: number;
  cursor?: LeiPage;
}

/** One query from the parsed fields: a cursor wins (it carries its own start and limit). */
function toQuery({ callerId, start, limit, cursor: page }: Fields, ctx: z.RefinementCtx): LeiQuery {
  if (page) {
    if (callerId !== undefined && callerId !== page.callerId) {
      ctx.addIssue({ code: "custom", path: ["cursor"], message: "The page cursor belongs to a different phone number." });
      return z.NEVER;
    }
    return { page };
  }
  if (callerId === undefined) {
    ctx.addIssue({ code: "custom", path: ["caller_id"], message: "caller_id is required (a phone number, e.g. 412-555-0101)." });
    return z.NEVER;
  }
  return { callerId, start, limit };
}

/** GET /api/lei/location?caller_id=&start=&limit=&cursor= */
export const leiGetQuerySchema: z.ZodType<LeiQuery> = z
  .object({ caller_id: phoneNumberSchema.optional(), start: positiveInteger, limit, cursor })
  .transform(({ caller_id, ...rest }, ctx) => toQuery({ callerId: caller_id, ...rest }, ctx));

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
  .transform(({ caller_id, query, ...rest }, ctx) => toQuery({ callerId: caller_id ?? query, ...rest }, ctx));
