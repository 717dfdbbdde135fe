import { describe, expect, it } from "vitest";
import { reshapeAdditionalData } from "./reshape";

/** The sandbox's Data Connect sample as RAD-E serves it (sandbox/workflow/sections.ts), abridged. */
const SAMPLE = {
  caller_id: "14125550201",
  alert_id: null,
  source: { name: "CompanyABC Safety App", callflow: "company_dataconnect_v1" },
  updated_time: "1795359600000",
  sections: [
    { type: "profile", label: "Caller profile", fields: [{ key: "full_name", label: "Name", value: "Dana Whitfield" }, { key: "date_of_birth", label: "Date of birth", value: null }] },
    {
      type: "medical",
      label: "Medical",
      fields: [
        { key: "dnr", label: "Do not resuscitate (DNR)", value: true, flag: true },
        { key: "o2_dependent", label: "Oxygen dependent", value: "yes", flag: true },
        { key: "deaf", label: "Deaf or hard of hearing", value: false, flag: true },
        { key: "speech_impaired", label: "Speech impaired", value: null, flag: true },
        { key: "allergies", label: "Allergies", value: "Penicillin" },
      ],
    },
    { type: "contacts", label: "Emergency contacts", items: [{ label: "Sam Whitfield", fields: [{ key: "phone", label: "Phone", value: "+14125550299" }] }] },
    { type: "crash_telemetry", label: "Crash telemetry", fields: [{ key: "delta_v_kph", label: "Delta v kph", value: "38" }, { key: "airbags_deployed", label: "Airbags deployed", value: true }] },
  ],
};

describe("reshapeAdditionalData", () => {
  it("renders every section from the data's own labels, values as text, nulls kept as 'not sent'", () => {
    const d = reshapeAdditionalData(SAMPLE);
    expect(d.source).toBe("CompanyABC Safety App");
    expect(d.updatedAt).toBe(1_795_359_600_000);
    expect(d.problems).toEqual([]);
    expect(d.sections.map((s) => (s.kind === "section" ? [s.label, s.known] : [s.kind]))).toEqual([
      ["Caller profile", true],
      ["Medical", true],
      ["Emergency contacts", true],
      ["Crash telemetry", false],
    ]);
    const profile = d.sections[0]!;
    expect(profile.kind === "section" && profile.fields).toEqual([
      { label: "Name", value: "Dana Whitfield", flag: false },
      { label: "Date of birth", value: null, flag: false },
    ]);
  });

  it("keeps an unknown section with everything in it, never dropped", () => {
    const crash = reshapeAdditionalData(SAMPLE).sections[3]!;
    expect(crash).toMatchObject({ kind: "section", type: "crash_telemetry", known: false, fields: [{ label: "Delta v kph", value: "38" }, { label: "Airbags deployed", value: "Yes" }] });
  });

  it("raises the flags that change a response, only when set, with the data's labels", () => {
    const d = reshapeAdditionalData(SAMPLE);
    expect(d.flags).toEqual([
      { label: "Do not resuscitate (DNR)", section: "Medical" },
      { label: "Oxygen dependent", section: "Medical" },
    ]);
  });

  it("knows the well-known flags by key even when the provider did not mark them", () => {
    const d = reshapeAdditionalData({ sections: [{ type: "health", label: "Health", fields: [{ key: "autism", label: "Autistic", value: "Y" }, { key: "hearing_impaired", label: "Hard of hearing", value: true }] }] });
    expect(d.flags.map((f) => f.label)).toEqual(["Autistic", "Hard of hearing"]);
  });

  it("says what could not be shown in a malformed section and shows the rest", () => {
    const d = reshapeAdditionalData({
      ...SAMPLE,
      sections: [
        ...SAMPLE.sections,
        { type: "medical", label: 42, fields: "DNR: yes" },
        "not a section",
        { type: "vehicle", label: "Vehicle", fields: [{ label: "Make", value: "Ford" }, { value: "no label" }, { label: "Model", value: { nested: true } }] },
        { type: "contacts", label: "More contacts", items: "nobody" },
      ],
    });
    expect(d.sections).toHaveLength(8);
    expect(d.sections[4]).toEqual({ kind: "unreadable", label: null, problem: "Section 5 (medical) has no label and could not be shown." });
    expect(d.sections[5]).toEqual({ kind: "unreadable", label: null, problem: "Section 6 is not a section and could not be shown." });
    expect(d.sections[6]).toMatchObject({
      kind: "section",
      label: "Vehicle",
      fields: [{ label: "Make", value: "Ford", flag: false }],
      problems: ["Vehicle: field 2 has no label and could not be shown.", "Vehicle: “Model” is not a single value and could not be shown."],
    });
    expect(d.sections[7]).toMatchObject({ kind: "section", problems: ["More contacts: the entries are not a list and could not be shown."] });
    // The good sections and their flags are untouched.
    expect(d.flags).toHaveLength(2);
  });

  it.each([[null], ["<html>"], [[1, 2]], [{ sections: "none" }]])("a document that is not one (%j) says so instead of rendering", (doc) => {
    const d = reshapeAdditionalData(doc);
    expect(d.sections).toEqual([]);
    expect(d.problems).toHaveLength(1);
    expect(d.problems[0]).toMatch(/could be shown|can be shown/);
  });
});
