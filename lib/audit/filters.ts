/**
 * Audit filters as they arrive in a URL (the audit page's form and the CSV link share them).
 * Times without a zone are read as UTC, because the page shows every time in UTC.
 */
import { z } from "zod";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const utcTime = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .regex(
      /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?)?(Z|[+-]\d{2}:\d{2})?$/,
      "must be a date and time like 2026-11-22T14:05 (UTC)",
    )
    .transform((v) => new Date(/(Z|[+-]\d{2}:\d{2})$/.test(v) ? v : `${v}${v.length === 10 ? "T00:00" : ""}Z`))
    .refine((d) => !Number.isNaN(d.getTime()), "is not a real date")
    .optional(),
);

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
