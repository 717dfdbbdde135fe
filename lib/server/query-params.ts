/**
 * Pieces for filters that arrive in a URL from a form (audit, review): an empty field means "not
 * set", and a time typed without a zone is UTC, because those pages show every time in UTC.
 */
import { z } from "zod";

export const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const utcTimeParam = z.preprocess(
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
