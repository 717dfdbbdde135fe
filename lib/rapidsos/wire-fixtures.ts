/**
 * Wire fixtures copied from the vendor documents (reference 004 and
 * RapidSOS's public token and error body samples), for tests. Not imported by app code.
 */

/** The example record in LEI 1.5's "Location Response" section, verbatim. */
export const LEI_DOC_RECORD = {
  format_version: "1.0",
  caller_id: "15555555555",
  created_time: "1473983938000",
  location_time: "1473983979750",
  call_start_time: "1473983976778",
  source: "call",
  caller_name: "John Smith",
  positioning_method: "gps",
  latitude: "40.75371",
  longitude: "-73.98854",
  altitude: "15.70227",
  uncertainty_radius: "10.0",
  uncertainty_confidence: "95",
  uncertainty_confidence_pdf: "normal",
  rg_engine: "google",
  rg_name: "RapidSOS Inc.",
  rg_id: "1",
  rg_likelihood: "95",
  rg_address: "526 7th Ave, New York, NY 10018, USA",
  rg_exact_location: "6th floor",
  rg_latitude: "40.75377",
  rg_longitude: "-73.98884",
  rg_contact: "+1 (555)-555-5555",
  rg_additional_info_url: "https://rapidsos.com",
} as const;

/** Only the fields LEI promises; everything that "may be set to null" is null. */
export const LEI_MINIMAL_RECORD = {
  format_version: "1.0",
  caller_id: "15555555555",
  created_time: "1473983938000",
  location_time: "1473983979750",
  call_start_time: "1473983976778",
  source: "sms",
  caller_name: null,
  positioning_method: null,
  altitude: null,
  latitude: "40.75371",
  longitude: "-73.98854",
  uncertainty_radius: "65",
  uncertainty_confidence: null,
  uncertainty_confidence_pdf: null,
  rg_engine: null,
  rg_name: null,
  rg_id: null,
  rg_likelihood: null,
  rg_address: null,
  rg_exact_location: null,
  rg_latitude: null,
  rg_longitude: null,
  rg_contact: null,
  rg_additional_info_url: null,
} as const;

export const TOKEN_RESPONSE_MINIMAL = {
  access_token: "opaque-28-char-token-aaaaaaa",
  token_type: "BearerToken",
  issued_at: "1513793277823",
  expires_in: "3599",
} as const;

export const TOKEN_RESPONSE_FULL_APIGEE = {
  access_token: "opaque-28-char-token-bbbbbbb",
  api_product_list: "",
  application_name: "",
  client_id: "",
  developer_email: "",
  expires_in: "3599",
  issued_at: "1512173235997",
  organization_name: "",
  refresh_count: "",
  refresh_token_expires_in: "",
  scope: "",
  status: "",
  token_type: "BearerToken",
} as const;

export const FAULT_EXPIRED_TOKEN = {
  fault: {
    faultstring: "Access Token expired",
    detail: { errorcode: "keymanagement.service.access_token_expired" },
  },
} as const;

export const FAULT_INVALID_TOKEN = {
  fault: {
    faultstring: "Invalid Access Token",
    detail: { errorcode: "keymanagement.service.invalid_access_token" },
  },
} as const;

export const DETAIL_NOT_FOUND = { detail: "Not found." } as const;
export const DETAIL_TOO_MANY = { detail: "Too many requests. Please try again later" } as const;
