/**
 * Review list filters as they arrive in a URL (the /review form and GET /api/review/calls share
 * them). Times without a zone are UTC, because review shows every time in UTC; the phone accepts any
 * format a person types and is normalised the way LEI lookups are.
 */
import { z } from "zod";
import { blankToUndefined, utcTimeParam as utcTime } from "@/lib/server/query-params";
import { phoneNumberSchema } from "@/lib/phone/normalize";

const flag = z.preprocess(
  (v) => (v === "" || v === undefined ? undefined : v === "1" || v === "true" || v === "on"),
  z.boolean().optional(),
);

/** `<call start ms>_<call id>`: the keyset of the last row of a page. */
const CURSOR = /^(\d{1,16})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export interface ReviewCursor {
  startMs: number;
  id: string;
}

export const reviewFilterSchema = z.object({
  phone: z.preprocess(blankToUndefined, phoneNumberSchema.optional()),
  /** Calls that started at or after this (UTC). */
  from: utcTime,
  /** Calls that started at or before this (UTC). */
  to: utcTime,
  status: z.preprocess(blankToUndefined, z.enum(["active", "ended"]).optional()),
  /** Only calls shared to the center through Data Share. */
  shared: flag,
});

export type ReviewFilters = z.infer<typeof reviewFilterSchema>;

export const reviewPageSchema = reviewFilterSchema.extend({
  before: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(CURSOR, "must be the nextBefore value of a previous page")
      .transform((v): ReviewCursor => {
        const [, ms, id] = CURSOR.exec(v)!;
        return { startMs: Number(ms), id: id! };
      })
      .optional(),
  ),
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).optional()),
});

export type ReviewPageQuery = z.infer<typeof reviewPageSchema>;

export function encodeCursor(cursor: ReviewCursor): string {
  return `${cursor.startMs}_${cursor.id}`;
}

/** The filters back as URL parameters, for links that keep them (paging, export of the list). */
export function reviewFiltersToSearchParams(filters: ReviewFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.phone) params.set("phone", filters.phone);
  if (filters.from) params.set("from", filters.from.toISOString());
  if (filters.to) params.set("to", filters.to.toISOString());
  if (filters.status) params.set("status", filters.status);
  if (filters.shared) params.set("shared", "1");
  return params;
}
