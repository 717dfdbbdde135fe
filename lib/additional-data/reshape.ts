/**
 * A RAD-E document → what the cards show. Nothing is hard-coded about which fields exist: labels
 * come from the data (RAD-E notes). Section types the app knows only decide an icon and order of
 * nothing; unknown sections are kept. Whatever is malformed is reported in words where it was,
 * and never takes the rest of the document with it.
 */
import type { AdditionalData, DataField, DataItem, DataSection, ResponseFlag } from "./types";

export const KNOWN_SECTION_TYPES = ["profile", "medical", "contacts", "vehicle", "device"] as const;

/** Keys that change a response even when the provider did not mark them (002's health-profile list). */
const FLAG_KEYS = new Set(["dnr", "do_not_resuscitate", "o2_dependent", "oxygen_dependent", "deaf", "hearing_impaired", "speech_impaired", "autism", "autistic_spectrum"]);

const MAX_SECTIONS = 50;
const MAX_FIELDS = 100;
const MAX_TEXT = 500;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const cut = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s);

function valueText(v: unknown): { ok: true; text: string | null } | { ok: false } {
  if (v === null || v === undefined) return { ok: true, text: null };
  if (typeof v === "boolean") return { ok: true, text: v ? "Yes" : "No" };
  if (typeof v === "number" && Number.isFinite(v)) return { ok: true, text: String(v) };
  if (typeof v === "string") return { ok: true, text: v.trim() === "" ? null : cut(v) };
  return { ok: false };
}

const YES = new Set(["yes", "true", "y", "1"]);
function isSet(v: unknown): boolean {
  return v === true || v === 1 || (typeof v === "string" && YES.has(v.trim().toLowerCase()));
}

function fieldsOf(raw: unknown, where: string, problems: string[], flags: ResponseFlag[], section: string): DataField[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push(`${where}: the fields are not a list and could not be shown.`);
    return [];
  }
  const out: DataField[] = [];
  for (const [i, f] of raw.slice(0, MAX_FIELDS).entries()) {
    if (!isObject(f) || typeof f.label !== "string" || f.label.trim() === "") {
      problems.push(`${where}: field ${i + 1} has no label and could not be shown.`);
      continue;
    }
    const label = cut(f.label.trim());
    const value = valueText(f.value);
    if (!value.ok) {
      problems.push(`${where}: “${label}” is not a single value and could not be shown.`);
      continue;
    }
    const flagged = (f.flag === true || (typeof f.key === "string" && FLAG_KEYS.has(f.key))) && isSet(f.value);
    out.push({ label, value: value.text, flag: flagged });
    if (flagged) flags.push({ label, section });
  }
  if (raw.length > MAX_FIELDS) problems.push(`${where}: ${raw.length - MAX_FIELDS} more fields were not shown.`);
  return out;
}

function sectionOf(raw: unknown, index: number, flags: ResponseFlag[]): DataSection {
  if (!isObject(raw)) return { kind: "unreadable", label: null, problem: `Section ${index + 1} is not a section and could not be shown.` };
  const label = typeof raw.label === "string" && raw.label.trim() !== "" ? cut(raw.label.trim()) : null;
  const type = typeof raw.type === "string" ? raw.type : "";
  if (label === null) {
    return { kind: "unreadable", label: null, problem: `Section ${index + 1}${type ? ` (${type})` : ""} has no label and could not be shown.` };
  }
  const problems: string[] = [];
  const fields = fieldsOf(raw.fields, label, problems, flags, label);
  const items: DataItem[] = [];
  if (raw.items !== undefined && raw.items !== null) {
    if (!Array.isArray(raw.items)) problems.push(`${label}: the entries are not a list and could not be shown.`);
    else
      for (const [i, item] of raw.items.slice(0, MAX_FIELDS).entries()) {
        if (!isObject(item)) {
          problems.push(`${label}: entry ${i + 1} could not be shown.`);
          continue;
        }
        const itemLabel = typeof item.label === "string" && item.label.trim() ? cut(item.label.trim()) : `#${i + 1}`;
        items.push({ label: itemLabel, fields: fieldsOf(item.fields, `${label} — ${itemLabel}`, problems, flags, label) });
      }
  }
  if (raw.fields !== undefined && !Array.isArray(raw.fields) && raw.items === undefined && fields.length === 0 && problems.length === 0) {
    problems.push(`${label}: nothing in it could be shown.`);
  }
  return { kind: "section", type, label, known: (KNOWN_SECTION_TYPES as readonly string[]).includes(type), fields, items, problems };
}

export function reshapeAdditionalData(doc: unknown): AdditionalData {
  if (!isObject(doc)) return { source: null, updatedAt: null, sections: [], flags: [], problems: ["The additional data RapidSOS sent is not in a form that can be shown."] };
  const problems: string[] = [];
  const flags: ResponseFlag[] = [];
  const sections: DataSection[] = [];
  if (!Array.isArray(doc.sections)) problems.push("The additional data has no list of sections; nothing in it could be shown.");
  else {
    for (const [i, s] of doc.sections.slice(0, MAX_SECTIONS).entries()) sections.push(sectionOf(s, i, flags));
    if (doc.sections.length > MAX_SECTIONS) problems.push(`${doc.sections.length - MAX_SECTIONS} more sections were not shown.`);
  }
  const source = isObject(doc.source) && typeof doc.source.name === "string" ? cut(doc.source.name) : null;
  const updated = typeof doc.updated_time === "string" || typeof doc.updated_time === "number" ? Number(doc.updated_time) : NaN;
  return { source, updatedAt: Number.isFinite(updated) && updated > 0 ? updated : null, sections, flags, problems };
}
