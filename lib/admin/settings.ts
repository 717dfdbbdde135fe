/**
 * What the admin "connections & settings" page shows, read from the running configuration. Every
 * field is a plain value safe to render: a secret appears only as whether it is set, a database URL
 * only as its kind. Pure, so a test can prove no secret value survives into it.
 */
import { SANDBOX_DEFAULTS, type AppConfig } from "@/lib/config/env";
import type { UpstreamName } from "@/lib/upstream/errors";

/** One setting: its value as shown, and the environment variable(s) that set it. */
export interface Setting {
  label: string;
  value: string;
  variable: string;
  /** "secret": the value is only ever "set" / "not set"; "sandbox": the embedded sandbox's own value. */
  note?: "secret" | "sandbox";
}

export interface UpstreamSettings {
  name: UpstreamName;
  label: string;
  settings: Setting[];
}

export interface SettingsView {
  sandbox: { enabled: boolean; settings: Setting[] };
  upstreams: UpstreamSettings[];
  upstreamTimeoutMs: number;
  sections: { title: string; settings: Setting[] }[];
}

const isSet = (present: boolean) => (present ? "set" : "not set");
const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

export function settingsView(config: AppConfig): SettingsView {
  const sandbox = (value: string) =>
    config.sandbox.enabled && (value.startsWith(`${config.appUrl}/sandbox/`) || (Object.values(SANDBOX_DEFAULTS) as string[]).includes(value))
      ? ({ note: "sandbox" } as const)
      : {};
  const { auth, datashare } = config;
  return {
    sandbox: {
      enabled: config.sandbox.enabled,
      settings: [
        { label: "Sandbox", value: config.sandbox.enabled ? "on" : "off", variable: "SANDBOX" },
        { label: "Scenario seed", value: String(config.sandbox.seed), variable: "SANDBOX_SEED" },
      ],
    },
    upstreamTimeoutMs: config.upstreamTimeoutMs,
    upstreams: [
      {
        name: "rapidsos",
        label: "RapidSOS (OAuth + LEI)",
        settings: [
          { label: "Base URL", value: config.rapidsos.baseUrl, variable: "RAPIDSOS_BASE_URL", ...sandbox(config.rapidsos.baseUrl) },
          { label: "Client id", value: config.rapidsos.clientId, variable: "RAPIDSOS_CLIENT_ID", ...sandbox(config.rapidsos.clientId) },
          { label: "Client secret", value: isSet(config.rapidsos.clientSecret.reveal() !== ""), variable: "RAPIDSOS_CLIENT_SECRET", note: "secret" },
          { label: "Timeout", value: `${config.upstreamTimeoutMs} ms`, variable: "UPSTREAM_TIMEOUT_MS" },
        ],
      },
      {
        name: "axon",
        label: "Axon (device state)",
        settings: [
          { label: "Base URL", value: config.axon.baseUrl, variable: "AXON_BASE_URL", ...sandbox(config.axon.baseUrl) },
          { label: "Partner id", value: config.axon.partnerId, variable: "AXON_PARTNER_ID", ...sandbox(config.axon.partnerId) },
          { label: "Client id", value: config.axon.clientId, variable: "AXON_CLIENT_ID", ...sandbox(config.axon.clientId) },
          { label: "Client secret", value: isSet(config.axon.clientSecret.reveal() !== ""), variable: "AXON_CLIENT_SECRET", note: "secret" },
          { label: "Page size", value: `${config.axon.pageSize} devices`, variable: "AXON_PAGE_SIZE" },
          { label: "Timeout", value: `${config.upstreamTimeoutMs} ms`, variable: "UPSTREAM_TIMEOUT_MS" },
        ],
      },
      ...(config.alerts
        ? [
            {
              name: "alerts" as const,
              label: "RapidSOS Alerts (central-station alerts)",
              settings: [
                { label: "REST base URL", value: config.alerts.baseUrl, variable: "ALERTS_BASE_URL", ...sandbox(config.alerts.baseUrl) },
                { label: "Token URL", value: config.alerts.tokenUrl, variable: "ALERTS_TOKEN_URL", ...sandbox(config.alerts.tokenUrl) },
                {
                  label: "Events socket",
                  value: config.alerts.socketUrl ?? `embedded sandbox listener (port ${config.sandbox.alertsSocketPort === 0 ? "chosen at start" : config.sandbox.alertsSocketPort})`,
                  variable: config.alerts.socketUrl ? "ALERTS_SOCKET_URL" : "ALERTS_SOCKET_URL, SANDBOX_ALERTS_SOCKET_PORT",
                  ...(config.alerts.socketUrl ? {} : { note: "sandbox" as const }),
                },
                { label: "Client id", value: config.alerts.clientId, variable: "ALERTS_CLIENT_ID", ...sandbox(config.alerts.clientId) },
                { label: "Client secret", value: isSet(config.alerts.clientSecret.reveal() !== ""), variable: "ALERTS_CLIENT_SECRET", note: "secret" as const },
              ],
            },
          ]
        : []),
    ],
    sections: [
      {
        title: "Data Share (RapidSOS Portal)",
        settings: [
          { label: "Handler URL", value: datashare.handlerUrl, variable: "DATASHARE_HANDLER_URL" },
          { label: "Shared secrets", value: secretCount(datashare.secrets.length), variable: "DATASHARE_SECRETS", note: "secret" },
          { label: "Solution name", value: datashare.solutionName, variable: "DATASHARE_SOLUTION_NAME" },
          { label: "Solution description", value: datashare.solutionDescription, variable: "DATASHARE_SOLUTION_DESCRIPTION" },
          { label: "Partner name", value: datashare.partnerName, variable: "DATASHARE_PARTNER_NAME" },
          { label: "Support contact", value: datashare.supportContact, variable: "DATASHARE_SUPPORT_CONTACT" },
          { label: "LEI poll interval", value: `${datashare.pollIntervalMs} ms`, variable: "DATASHARE_POLL_INTERVAL_MS" },
          {
            label: "Token sealing key",
            value: config.dataEncryptionKey ? "set" : "not set: generated in the data folder (one instance only)",
            variable: "DATA_ENCRYPTION_KEY",
            note: "secret",
          },
        ],
      },
      {
        title: "Map and review",
        settings: [
          { label: "Display confidence", value: `${config.displayConfidence}%`, variable: "DISPLAY_CONFIDENCE" },
          { label: "Retention", value: `${config.retentionDays} days`, variable: "RETENTION_DAYS" },
          { label: "Basemap", value: config.mapStyleUrl ?? "built-in (offline)", variable: "MAP_STYLE_URL" },
        ],
      },
      {
        title: "Sign-in and sessions",
        settings: [
          { label: "Idle timeout", value: minutes(auth.sessionIdleMs), variable: "SESSION_IDLE_MINUTES" },
          { label: "Longest session", value: `${Math.round(auth.sessionMaxMs / 3_600_000)} h`, variable: "SESSION_MAX_HOURS" },
          {
            label: "Lockout",
            value: `after ${auth.lockoutMaxFailures} wrong passwords in ${minutes(auth.lockoutWindowMs)}, for ${minutes(auth.lockoutDurationMs)} (or until an admin unlocks); open sessions stay`,
            variable: "LOCKOUT_MAX_FAILURES, LOCKOUT_WINDOW_MINUTES, LOCKOUT_MINUTES",
          },
          {
            label: "Trusted proxies",
            value: config.trustedProxies.size > 0 ? `${config.trustedProxies.size} configured` : "none: the socket address is the client address",
            variable: "TRUSTED_PROXIES",
          },
          {
            label: "OIDC sign-in",
            value: auth.oidc ? `configured: "${auth.oidc.name}" at ${auth.oidc.issuer}` : "not configured",
            variable: "OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME",
          },
          ...(auth.oidc ? [{ label: "OIDC client secret", value: "set", variable: "OIDC_CLIENT_SECRET", note: "secret" as const }] : []),
          { label: "Session signing secret", value: auth.secret ? "set" : "not set: generated in the data folder", variable: "AUTH_SECRET", note: "secret" },
        ],
      },
      {
        title: "Storage",
        settings: [
          config.database.kind === "pglite"
            ? { label: "Database", value: `embedded PGlite in ${config.database.dir}`, variable: "DATABASE_URL" }
            : // The URL carries the password: only its kind is shown.
              { label: "Database", value: "PostgreSQL server (DATABASE_URL is set)", variable: "DATABASE_URL" },
          { label: "Data folder", value: config.dataDir, variable: "DATA_DIR" },
          { label: "App URL", value: config.appUrl, variable: "APP_URL" },
        ],
      },
    ],
  };
}

function secretCount(n: number): string {
  if (n === 0) return "none configured: every delivery is refused";
  return `${n} configured${n > 1 ? " (rotation)" : ""}`;
}
