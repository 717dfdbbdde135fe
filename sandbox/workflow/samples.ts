/**
 * Trigger bodies the sandbox's "device or app" panel and control API send: good ones for each
 * configured callflow, and the deliberately bad ones the issue lists. Plain data, no server code:
 * the panel in the browser builds from the same samples.
 */

export type SampleFlow = "data_connect" | "voice" | "alert";

export interface SampleOptions {
  /** Digits with country code, or as a device would type it. */
  phone?: string;
  latitude?: number;
  longitude?: number;
  uncertainty?: number;
}

export const SAMPLE_PHONES: Record<SampleFlow, string> = {
  data_connect: "+14125550201",
  voice: "+14125550202",
  alert: "+14125550203",
};

/** Downtown Pittsburgh (Grant St), Oakland, and the Strip District: inside the sandbox ECC's area. */
export const SAMPLE_PLACES: Record<SampleFlow, { latitude: number; longitude: number; uncertainty: number }> = {
  data_connect: { latitude: 40.439, longitude: -79.9963, uncertainty: 12 },
  voice: { latitude: 40.4445, longitude: -79.953, uncertainty: 25 },
  alert: { latitude: 40.4523, longitude: -79.984, uncertainty: 10 },
};

export const SAMPLE_CALLFLOW: Record<SampleFlow, string> = {
  data_connect: "company_dataconnect_v1",
  voice: "company_connect_911_v1",
  alert: "alert_create_location_update",
};

/** Values as devices send them: numbers as strings (document 002's snippet). */
const str = (n: number) => String(n);

export function sampleTrigger(flow: SampleFlow, o: SampleOptions = {}): { callflow: string; variables: Record<string, unknown> } {
  const place = SAMPLE_PLACES[flow];
  const phone = o.phone ?? SAMPLE_PHONES[flow];
  const location = {
    latitude: str(o.latitude ?? place.latitude),
    longitude: str(o.longitude ?? place.longitude),
    uncertainty: str(o.uncertainty ?? place.uncertainty),
  };
  if (flow === "data_connect") {
    return {
      callflow: SAMPLE_CALLFLOW.data_connect,
      variables: {
        caller_info: { full_name: "Dana Whitfield", phone_number: phone, date_of_birth: "1957-03-14", language: "English" },
        location,
        medical: { dnr: true, o2_dependent: true, deaf: false, speech_impaired: null, autism: false, allergies: "Penicillin", conditions: "COPD" },
        emergency_contacts: [{ name: "Sam Whitfield", phone: "+14125550299", relationship: "Son" }],
        vehicle_info: { make: "Ford", model: "Fiesta", color: "Red", license_plate: "ABC", license_plate_state: "PA" },
        device_info: { app_name: "CompanyABC Safety App", os: "Android 15", battery: "41%", trigger: "SOS button held 3 s" },
        crash_telemetry: { delta_v_kph: "38", airbags_deployed: true, rollover: false },
      },
    };
  }
  if (flow === "voice") {
    return {
      callflow: SAMPLE_CALLFLOW.voice,
      variables: {
        caller_info: { full_name: "Alex Moreno", phone_number: phone },
        location,
        medical: { deaf: true, speech_impaired: true, autism: true },
      },
    };
  }
  return {
    callflow: SAMPLE_CALLFLOW.alert,
    variables: {
      alarm_description: "CompanyABC SMS Live Agent Chat",
      authorized_entity: "noc_csp",
      updated_location: location,
      user: { full_name: "Jane Doe", phone_number: phone },
      vehicle: { make: "Acura", model: "MDX", color: "Silver", plate_number: "ABC123", plate_state: "PA" },
      alert_profile: { service_provider_name: "CompanyABC Panic Alert", emergency_type: "OTHER", site_type: "PERSONAL", description: "Anxious Moment SMS Live Agent Chat" },
      event: {
        location: { geodetic: location },
        source_id: phone.replace(/\D/g, ""),
        service_provider_name: "CompanyABC Panic Alert",
        emergency_type: "OTHER",
        site_type: "PERSONAL",
        description: "CompanyABC SMS Live Agent Chat",
      },
    },
  };
}

/** The bad inputs the issue lists, each with the answer it must get. */
export const BAD_CASES = [
  "not_json",
  "unknown_callflow",
  "missing_phone",
  "ten_digit_phone",
  "number_as_name",
  "word_as_latitude",
  "latitude_out_of_range",
  "missing_location",
  "enormous_variables",
] as const;
export type BadCase = (typeof BAD_CASES)[number];

/** The raw body text for one bad case (built on the Data Connect sample). */
export function badTriggerBody(c: BadCase): string {
  const good = sampleTrigger("data_connect");
  const v = good.variables as Record<string, Record<string, unknown>>;
  const caller = v.caller_info as Record<string, unknown>;
  const location = v.location as Record<string, unknown>;
  switch (c) {
    case "not_json":
      return "callflow=company_dataconnect_v1&variables=oops";
    case "unknown_callflow":
      return JSON.stringify({ ...good, callflow: "company_panic_v9" });
    case "missing_phone":
      return JSON.stringify({ ...good, variables: { ...v, caller_info: { full_name: caller.full_name } } });
    case "ten_digit_phone":
      return JSON.stringify({ ...good, variables: { ...v, caller_info: { ...caller, phone_number: "4125550201" } } });
    case "number_as_name":
      return JSON.stringify({ ...good, variables: { ...v, caller_info: { ...caller, full_name: 4125550201 } } });
    case "word_as_latitude":
      return JSON.stringify({ ...good, variables: { ...v, location: { ...location, latitude: "forty point four" } } });
    case "latitude_out_of_range":
      return JSON.stringify({ ...good, variables: { ...v, location: { ...location, latitude: "140.44" } } });
    case "missing_location": {
      const { location: _omit, ...rest } = v;
      return JSON.stringify({ ...good, variables: rest });
    }
    case "enormous_variables":
      return JSON.stringify({ ...good, variables: { ...v, notes: "x".repeat(40_000) } });
  }
}
