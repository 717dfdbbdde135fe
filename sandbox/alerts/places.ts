/** Where the control API's template alerts happen (public Pittsburgh places; fictional phones). */
const civic = (name: string | null, street_1: string, zip_code: string | number) => ({ name, street_1, city: "Pittsburgh", state: "PA", country: "US", zip_code });

export const SANDBOX_ALERT_PLACES = {
  burglary: { location: { civic: civic("Smallman Street Provisions", "2101 Smallman St", "15222") }, emergencyType: "BURGLARY", siteType: "COMMERCIAL", description: "Glass break detected", zone: "Front display window", instructions: "Side gate code 4411. Dog inside." },
  fire: { location: { geodetic: { latitude: 40.4425, longitude: -80.0003, uncertainty_radius: 8 }, civic: civic("Heinz Hall", "600 Penn Ave", 15222) }, emergencyType: "FIRE", siteType: "COMMERCIAL", description: "Smoke detector tripped in zone 3", zone: "Zone 3, floor 2", instructions: "Knox box at the stage door." },
  mpers: { location: { geodetic: { latitude: 40.4428, longitude: -79.9537, uncertainty_radius: 12 } }, emergencyType: "MEDICAL", siteType: "PERSONAL", description: "Fall detection", zone: "Medical pendant", instructions: "Wearer is hard of hearing." },
  crash: { location: { geodetic: { latitude: 40.4376, longitude: -79.977, uncertainty_radius: -1 } }, emergencyType: "CRASH", siteType: "VEHICLE", description: "Severe crash detected", zone: "Telematics unit", instructions: "" },
  "civic-unknown": { location: { civic: civic(null, "77 Nowhere Lane", "15212") }, emergencyType: "SILENT_ALARM", siteType: "RESIDENTIAL", description: "Silent panic button", zone: "Bedroom keypad", instructions: "" },
  outside: { location: { geodetic: { latitude: 39.9526, longitude: -75.1652, uncertainty_radius: 10 } }, emergencyType: "FIRE", siteType: "COMMERCIAL", description: "Smoke detector", zone: "Lobby", instructions: "" },
  supplemental: { location: { geodetic: { latitude: 40.27, longitude: -80.03, uncertainty_radius: 15 } }, emergencyType: "CO", siteType: "RESIDENTIAL", description: "CO detector alarm", zone: "Basement", instructions: "" },
} as const;
