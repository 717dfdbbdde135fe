/**
 * Device-state records built field by field from the public Axon Respond device-state response schema (the
 * schema independent clients validate live Axon responses against). For tests only.
 */
export const AXON_DEVICE = {
  partnerId: "00000000-0000-4000-8000-000000000001",
  partnerName: "Example County Sheriff",
  axonDeviceId: "dev-0001",
  deviceModel: "AXON_BODY_4",
  deviceUpdateTimestamp: 1762171200000,
  attributes: {
    deviceSerial: "X6039112A",
    location: {
      accuracy: 8.5,
      latitude: 40.44062,
      longitude: -79.99589,
      locationUpdateTimestamp: 1762171195000,
    },
    status: "RECORDING",
    stream: { isStreamable: true },
    links: { view: "https://example.evidence.com/respond/devices/dev-0001" },
    signalStrengths: [{ signalStrength: "GOOD" }],
    batteries: [{ batteryPercentage: 76 }],
    connectedDevices: [{ axonDeviceId: "dev-0009" }],
    assignees: [
      {
        assigneeType: "USER",
        firstName: "Dana",
        lastName: "Reyes",
        badgeNumber: "4471",
        userId: "user-17",
        primary: true,
      },
    ],
  },
} as const;

/** What a client without Respond any.locate and Users read sees: no location, no assignees. */
export const AXON_DEVICE_UNSCOPED = {
  partnerId: AXON_DEVICE.partnerId,
  partnerName: AXON_DEVICE.partnerName,
  axonDeviceId: "dev-0002",
  deviceModel: "AXON_BODY_3",
  deviceUpdateTimestamp: 1762171100000,
  attributes: {
    deviceSerial: "X6039113B",
    status: "DOCKED",
    stream: { isStreamable: false, reason: "DOCKED" },
  },
} as const;

export const AXON_TOKEN_RESPONSE = {
  access_token: "axon-opaque-token",
  token_type: "bearer",
  expires_in: 14400,
  expires_on: 1762185600000,
  not_before: 1762171200000,
  version: "1.0",
  entity: { type: "api_client", id: "client-1", partner_id: "partner-1" },
} as const;
