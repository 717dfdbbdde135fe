/**
 * Trigger variables → the additional data RAD-E serves for the call or alert: labelled sections
 * whose fields carry their own labels (RAD-E notes: consumers render from the data, never from a
 * hard-coded form). Known groups get the platform's section types (profile, medical, contacts,
 * vehicle, device); anything else the partner agreed with RapidSOS becomes a section of its own
 * type, which a consumer will not know. Values stay as sent, nulls included.
 */

export type RadeValue = string | number | boolean | null;

export interface RadeField {
  key: string;
  label: string;
  value: RadeValue;
  /** Changes the response (DNR, O2-dependent, deaf…): consumers should show it at a glance. */
  flag?: boolean;
}

export interface RadeItem {
  label: string;
  fields: RadeField[];
}

export interface RadeSection {
  type: string;
  label: string;
  fields?: RadeField[];
  items?: RadeItem[];
}

export interface RadeDocument {
  caller_id: string | null;
  alert_id: string | null;
  source: { name: string | null; callflow: string };
  updated_time: string;
  sections: RadeSection[];
}

const GROUPS: Record<string, { type: string; label: string }> = {
  caller_info: { type: "profile", label: "Caller profile" },
  user: { type: "profile", label: "Caller profile" },
  profile: { type: "profile", label: "Caller profile" },
  medical: { type: "medical", label: "Medical" },
  health_profile: { type: "medical", label: "Medical" },
  emergency_contacts: { type: "contacts", label: "Emergency contacts" },
  contacts: { type: "contacts", label: "Emergency contacts" },
  vehicle_info: { type: "vehicle", label: "Vehicle" },
  vehicle: { type: "vehicle", label: "Vehicle" },
  device_info: { type: "device", label: "Device or app" },
  device: { type: "device", label: "Device or app" },
  app: { type: "device", label: "Device or app" },
};

/** Location travels through LEI (or the alert), not as additional data. */
const NOT_DATA = new Set(["location", "updated_location", "event"]);

const LABELS: Record<string, string> = {
  full_name: "Name",
  phone_number: "Phone number",
  date_of_birth: "Date of birth",
  dob: "Date of birth",
  license_plate: "License plate",
  plate_number: "License plate",
  license_plate_state: "Plate state",
  plate_state: "Plate state",
  dnr: "Do not resuscitate (DNR)",
  o2_dependent: "Oxygen dependent",
  deaf: "Deaf or hard of hearing",
  hearing_impaired: "Deaf or hard of hearing",
  speech_impaired: "Speech impaired",
  autism: "Autism spectrum",
  autistic_spectrum: "Autism spectrum",
  blind: "Blind or low vision",
  mental_health: "Mental health",
  app_name: "App",
  os: "Operating system",
};

/** Fields whose truthy value changes how responders approach (002's health-profile list). */
const FLAG_KEYS = new Set(["dnr", "o2_dependent", "deaf", "hearing_impaired", "speech_impaired", "autism", "autistic_spectrum", "blind"]);

export function labelOf(key: string): string {
  const known = LABELS[key];
  if (known) return known;
  const words = key.replace(/[_-]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}

function scalar(v: unknown): RadeValue {
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  return v === undefined ? null : JSON.stringify(v);
}

function fieldsOf(obj: Record<string, unknown>): RadeField[] {
  return Object.entries(obj).map(([key, value]) => ({
    key,
    label: labelOf(key),
    value: scalar(value),
    ...(FLAG_KEYS.has(key) ? { flag: true } : {}),
  }));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function itemsOf(list: unknown[]): RadeItem[] {
  return list.map((entry, i) =>
    isObject(entry)
      ? { label: typeof entry.name === "string" ? entry.name : typeof entry.full_name === "string" ? entry.full_name : `#${i + 1}`, fields: fieldsOf(entry) }
      : { label: `#${i + 1}`, fields: [{ key: "value", label: "Value", value: scalar(entry) }] },
  );
}

function sectionOf(key: string, value: unknown): RadeSection {
  const group = GROUPS[key] ?? { type: key, label: labelOf(key) };
  if (Array.isArray(value)) return { ...group, items: itemsOf(value) };
  if (isObject(value)) return { ...group, fields: fieldsOf(value) };
  return { ...group, fields: [{ key, label: labelOf(key), value: scalar(value) }] };
}

export function sectionsFrom(variables: Record<string, unknown>): RadeSection[] {
  const out: RadeSection[] = [];
  for (const [key, value] of Object.entries(variables)) {
    if (NOT_DATA.has(key)) continue;
    const section = sectionOf(key, value);
    // Two keys of one group (caller_info and profile) make one section.
    const same = out.find((s) => s.type === section.type && GROUPS[key]);
    if (same && section.fields && same.fields) same.fields.push(...section.fields);
    else out.push(section);
  }
  return out;
}

/** What the platform adds about the flow itself: a section type consumers do not know. */
export function flowSection(callflow: string, triggerId: string, at: number): RadeSection {
  return {
    type: "emergency_flow",
    label: "Emergency flow",
    fields: [
      { key: "callflow", label: "Call flow", value: callflow },
      { key: "trigger_id", label: "Trigger id", value: triggerId },
      { key: "triggered_at", label: "Triggered at", value: new Date(at).toISOString() },
      { key: "operator_notes", label: "Operator notes", value: null },
    ],
  };
}
