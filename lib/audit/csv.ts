/**
 * CSV for the audit export (RFC 4180), safe to open in a spreadsheet: a cell that starts with
 * = + - @ (or a tab / carriage return) would run as a formula, so it gets a leading apostrophe.
 */
import type { AuditRow } from "./record";

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export const AUDIT_CSV_HEADER = [
  "id",
  "at_utc",
  "actor_email",
  "actor_id",
  "action",
  "outcome",
  "target",
  "phone",
  "ip",
  "user_agent",
  "detail",
];

export function auditCsvLine(row: AuditRow): string {
  return csvLine([
    row.id,
    row.at.toISOString(),
    row.actorEmail,
    row.actorId,
    row.action,
    row.outcome,
    row.target,
    row.phone,
    row.ip,
    row.userAgent,
    JSON.stringify(row.detail ?? {}),
  ]);
}
