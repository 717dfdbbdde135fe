/**
 * Audit filters as they arrive in a URL (the audit page's form and the CSV link share them).
 * Times without a zone are read as UTC, because the page shows every time in UTC.
 */
import { z } from "zod";
import { blankToUndefined, utcTimeParam as utcTime } from "@/lib/server/query-params";

const text = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

export const auditFilterSchema = z.object({
  /** Part of an e-mail address: matches who did it or whom it was about. */
  user: text(254),
  /** An exact action ("auth.signin") or a family ending in a dot ("auth."). */
  action: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(64)
      .regex(/^[a-z_]+(\.[a-z_]*)?$/, "must be an action name like auth.signin or a family like auth.")
      .optional(),
  ),
  outcome: z.preprocess(blankToUndefined, z.enum(["success", "failure", "denied", "error"]).optional()),
  from: utcTime,
  to: utcTime,
  /** Any part of the number; only its digits count. */
  phone: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(40)
      .transform((v) => v.replace(/\D/g, ""))
      .pipe(z.string().min(1, "must contain digits"))
      .optional(),
  ),
});

export type AuditFilters = z.infer<typeof auditFilterSchema>;

export const auditPageSchema = auditFilterSchema.extend({
  /** Show rows older than this id (the "older" link). */
  before: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
});

export type AuditPageQuery = z.infer<typeof auditPageSchema>;

/** The filters back as URL parameters, for links that must apply the same filters. */
export function filtersToSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.user) params.set("user", filters.user);
  if (filters.action) params.set("action", filters.action);
  if (filters.outcome) params.set("outcome", filters.outcome);
  if (filters.from) params.set("from", filters.from.toISOString());
  if (filters.to) params.set("to", filters.to.toISOString());
  if (filters.phone) params.set("phone", filters.phone);
  return params;
}
