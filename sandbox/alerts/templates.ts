/** Ready-made partner requests (003's wrapped form) for the control API and the central-station page. */
import { SANDBOX_ALERT_PLACES } from "./places";

export const TEMPLATES = ["burglary", "fire", "mpers", "crash", "civic-unknown", "outside", "supplemental"] as const;
export type Template = (typeof TEMPLATES)[number];

export function templateAlert(
  template: Template,
  now: number,
  eventOverrides: Record<string, unknown> = {},
  variableOverrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const p = SANDBOX_ALERT_PLACES[template];
  return {
    blocking: true,
    callflow: "KeystoneMonitoringAlarmFlow",
    variables: {
      event: {
        source_id: `KM-${now % 1_000_000}`,
        incident_time: now - 5_000,
        location: p.location,
        emergency_type: p.emergencyType,
        site_type: p.siteType,
        ...eventOverrides,
      },
      service_provider_name: "Keystone Alarm Co.",
      alarm_description: p.description,
      zone_description: p.zone,
      instructions: p.instructions,
      site_phone: "14125550177",
      visually_verified: false,
      emergency_contacts: [{ name: "Dana Whitfield", phone: 14125550178, relationship: "Keyholder", language: "English" }],
      ...variableOverrides,
    },
  };
}
