/** The settings page's view of the configuration: everything an admin needs, no secret value. */
import { describe, expect, it } from "vitest";
import { parseConfig, SANDBOX_DEFAULTS } from "@/lib/config/env";
import { settingsView, type Setting } from "./settings";

const REAL = {
  APP_URL: "https://map.agency.test",
  RAPIDSOS_BASE_URL: "https://api.rapidsos.test",
  RAPIDSOS_CLIENT_ID: "agency-client",
  RAPIDSOS_CLIENT_SECRET: "rapidsos-secret-value-123",
  AXON_BASE_URL: "https://agency.evidence.test",
  AXON_PARTNER_ID: "partner-1",
  AXON_CLIENT_ID: "axon-client",
  AXON_CLIENT_SECRET: "axon-secret-value-456",
  AXON_PAGE_SIZE: "250",
  DATABASE_URL: "postgres://dispatcher:db-password-789@db.internal:5432/dispatcher",
  AUTH_SECRET: "auth-secret-value-0123456789abcdef0123",
  ADMIN_EMAIL: "admin@agency.test",
  ADMIN_PASSWORD: "admin-password-value",
  OIDC_ISSUER: "https://login.agency.test",
  OIDC_CLIENT_ID: "oidc-client",
  OIDC_CLIENT_SECRET: "oidc-secret-value",
  DATASHARE_SECRETS: "datashare-one-value,datashare-two-value",
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  DISPLAY_CONFIDENCE: "95",
  RETENTION_DAYS: "30",
  SESSION_IDLE_MINUTES: "20",
  LOCKOUT_MAX_FAILURES: "4",
};

const find = (settings: Setting[], variable: string) => settings.find((s) => s.variable === variable);
const all = (view: ReturnType<typeof settingsView>) => [
  ...view.sandbox.settings,
  ...view.upstreams.flatMap((u) => u.settings),
  ...view.sections.flatMap((s) => s.settings),
];

describe("settings view", () => {
  it("shows the real configuration and never a secret value", () => {
    const view = settingsView(parseConfig(REAL));
    const text = JSON.stringify(view);
    for (const secret of ["rapidsos-secret-value-123", "axon-secret-value-456", "db-password-789", "db.internal", "auth-secret-value", "admin-password-value", "oidc-secret-value", "datashare-one-value", "datashare-two-value", REAL.DATA_ENCRYPTION_KEY, "[redacted]"]) {
      expect(text).not.toContain(secret);
    }
    const settings = all(view);
    expect(view.sandbox.enabled).toBe(false);
    expect(find(settings, "RAPIDSOS_BASE_URL")).toEqual({ label: "Base URL", value: "https://api.rapidsos.test", variable: "RAPIDSOS_BASE_URL" });
    expect(find(settings, "RAPIDSOS_CLIENT_SECRET")).toMatchObject({ value: "set", note: "secret" });
    expect(find(settings, "AXON_CLIENT_SECRET")).toMatchObject({ value: "set", note: "secret" });
    expect(find(settings, "AXON_PAGE_SIZE")?.value).toBe("250 devices");
    expect(find(settings, "DATASHARE_SECRETS")?.value).toBe("2 configured (rotation)");
    expect(find(settings, "DATABASE_URL")?.value).toBe("PostgreSQL server (DATABASE_URL is set)");
    expect(find(settings, "DISPLAY_CONFIDENCE")?.value).toBe("95%");
    expect(find(settings, "RETENTION_DAYS")?.value).toBe("30 days");
    expect(find(settings, "SESSION_IDLE_MINUTES")?.value).toBe("20 min");
    expect(find(settings, "LOCKOUT_MAX_FAILURES, LOCKOUT_WINDOW_MINUTES, LOCKOUT_MINUTES")?.value).toBe(
      "after 4 wrong passwords in 15 min, for 15 min (or until an admin unlocks); open sessions stay",
    );
    expect(find(settings, "TRUSTED_PROXIES")?.value).toBe("none: the socket address is the client address");
    expect(find(settings, "OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME")?.value).toBe('configured: "Agency sign-in" at https://login.agency.test');
    expect(find(settings, "DATASHARE_HANDLER_URL")?.value).toBe("https://map.agency.test/api/datashare");
    expect(settings.filter((s) => s.note === "sandbox")).toEqual([]);
  });

  it("marks the sandbox's own values and the generated secrets", () => {
    const view = settingsView(parseConfig({ APP_URL: "http://127.0.0.1:3170", DATA_DIR: "/tmp/dm-settings" }));
    const settings = all(view);
    expect(view.sandbox.enabled).toBe(true);
    expect(find(settings, "RAPIDSOS_BASE_URL")).toMatchObject({ value: "http://127.0.0.1:3170/sandbox/rapidsos", note: "sandbox" });
    expect(find(settings, "AXON_CLIENT_ID")).toMatchObject({ value: SANDBOX_DEFAULTS.axonClientId, note: "sandbox" });
    expect(find(settings, "DATASHARE_SECRETS")?.value).toBe("1 configured");
    expect(find(settings, "AUTH_SECRET")?.value).toBe("not set: generated in the data folder");
    expect(find(settings, "DATABASE_URL")?.value).toBe("embedded PGlite in /tmp/dm-settings/pglite");
    expect(find(settings, "OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME")?.value).toBe("not configured");
    expect(JSON.stringify(view)).not.toContain(SANDBOX_DEFAULTS.rapidsosClientSecret);
    expect(JSON.stringify(view)).not.toContain(SANDBOX_DEFAULTS.datashareSecret);
  });
});
