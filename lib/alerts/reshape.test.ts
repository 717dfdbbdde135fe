/** The captured samples, parsed as the app will meet them. */
import { describe, expect, it } from "vitest";
import captured from "./fixtures/edx-webhook-alert.new.captured-sandbox.json";
import listSample from "./fixtures/alerts-get-list-sample.json";
import { addressLine, reshapeAlert } from "./reshape";
import { envelopeSchema, listSchema } from "./wire";

describe("the captured alert.new delivery", () => {
  it("reads `event_type` as the event name", () => {
    const e = envelopeSchema.parse(captured);
    expect(e.type).toBe("alert.new");
    expect(e.timestamp).toBe(1762539355802);
  });

  it("reshapes: status kept as sent, -1 radius unknown, SLA 30 s after dispatch requested", () => {
    const r = reshapeAlert(envelopeSchema.parse(captured).body);
    if (!r.ok) throw new Error(r.reason);
    const a = r.value;
    expect(a.id).toBe("alert-6055d23f-152f-4a0d-8171-b950bea2b0b3");
    expect(a.status).toEqual({ name: "DISPATCH_REQUESTED", displayName: "Dispatch Requested" });
    expect(a.location.point).toEqual({ lat: 32.921242, lon: -80.014879 });
    expect(a.location.radiusM).toBeNull();
    expect(a.location.provided).toBe("GEODETIC");
    expect(a.location.civic?.zip).toBe("29410");
    expect(a.slaExpirationTime! - a.dispatchRequestedTime!).toBe(30_000);
    expect(a.coveringPsap?.phone).toBe("15555555555");
    expect(a.authorizedEntity?.phone).toBe("+18885551212");
    expect(a.history).toHaveLength(1);
    expect(addressLine(a.location.civic)).toBe("100 Example Street, Exampleville, SC 29410");
    expect(r.warnings).toEqual([]);
  });
});

describe("the GET /v1/alerts sample", () => {
  it("keeps ACCEPTED (displayed \"Received\"), derives a missing emergency_type name", () => {
    const list = listSchema.parse(listSample);
    expect(list.alerts_until).toBe(1581110270622);
    const r = reshapeAlert(list.alerts[0]);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.status).toEqual({ name: "ACCEPTED", displayName: "Received" });
    expect(r.value.emergencyType).toEqual({ name: "BURGLARY", displayName: "Burglary" });
    expect(r.value.supplementalOnly).toBe(true);
    expect(r.value.location.radiusM).toBe(7.5);
    // No created_time in the sample: it is the list's own time axis, so we fall back to it below.
  });
});

describe("bad input", () => {
  it("numbers where strings are documented (003's example) are read as strings", () => {
    const r = reshapeAlert({ alert_id: "a", created_time: 1, location: { civic: { street_1: "1 Main", zip_code: 11375 } }, covering_psap: { phone: 15555555555 }, emergency_contacts: [{ name: "J", phone: 15555555555 }] });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.location.civic?.zip).toBe("11375");
    expect(r.value.contacts[0]?.phone).toBe("15555555555");
  });

  it("impossible coordinates lose the point, not the alert; unknown enums are kept", () => {
    const r = reshapeAlert({ alert_id: "a", created_time: 1, status: { name: "RECEIVED" }, location: { geodetic: { latitude: 123, longitude: 5, uncertainty_radius: 4 } } });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.location.point).toBeNull();
    expect(r.value.status).toEqual({ name: "RECEIVED", displayName: "Received" });
    expect(r.warnings.join()).toMatch(/impossible coordinates/);
  });

  it("refuses an alert without an id", () => {
    expect(reshapeAlert({ created_time: 1 }).ok).toBe(false);
  });
});
