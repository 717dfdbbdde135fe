/**
 * The one place that reads the environment. Everything else asks `getConfig()`.
 * Parsed once, validated with zod; a bad value throws a ConfigError naming the variable.
 */
import path from "node:path";
import { envSchema } from "./schema";
import { TrustedProxies } from "@/lib/server/ip";
import { Secret } from "./secret";

/** Credentials the sandbox accepts out of the box; never valid against a real service. */
export const SANDBOX_DEFAULTS = {
  rapidsosClientId: "sandbox-rapidsos-client",
  rapidsosClientSecret: "sandbox-rapidsos-secret",
  axonPartnerId: "sandbox-partner",
  axonClientId: "sandbox-axon-client",
  axonClientSecret: "sandbox-axon-secret",
  datashareSecret: "sandbox-datashare-secret",
  alertsClientId: "sandbox-alerts-ecc",
  alertsClientSecret: "sandbox-alerts-ecc-secret",
} as const;

export interface AppConfig {
  nodeEnv: "development" | "production" | "test";
  port: number;
  appUrl: string;
  dataDir: string;
  database: { kind: "pglite"; dir: string } | { kind: "postgres"; url: Secret };
  logLevel: string;
  /** Proxies whose forwarding headers are believed (TRUSTED_PROXIES); empty: the socket address only. */
  trustedProxies: TrustedProxies;
  sandbox: {
    enabled: boolean;
    seed: number;
    tokenTtlSeconds: number;
    leiRateLimitPerMinute: number;
    devices: number;
    /** Unset: the small demo schedule. */
    callers: number | undefined;
    /** Unset: Axon's cadence by status. */
    deviceReportMs: number | undefined;
    /** Port of the sandbox's Alerts events socket (its own listener); 0: any free port. */
    alertsSocketPort: number;
  };
  rapidsos: { baseUrl: string; clientId: string; clientSecret: Secret };
  axon: {
    baseUrl: string;
    partnerId: string;
    clientId: string;
    clientSecret: Secret;
    pageSize: number;
    /** How often the cluster's one poller asks Axon for every page. */
    pollIntervalMs: number;
  };
  /**
   * RapidSOS Alerts (ECC side): REST at `${baseUrl}/v1/alerts`, the events socket, the token URL.
   * `socketUrl` null: the embedded sandbox's listener, whose port is known only once it listens.
   * Null altogether when the sandbox is off and no Alerts URL is configured.
   */
  alerts: { baseUrl: string; tokenUrl: string; socketUrl: string | null; clientId: string; clientSecret: Secret } | null;
  upstreamTimeoutMs: number;
  displayConfidence: number;
  mapStyleUrl: string | null;
  auth: {
    secret: Secret | null;
    demoPassword: Secret;
    admin: { email: string; password: Secret } | null;
    lockoutMaxFailures: number;
    lockoutWindowMs: number;
    /** How long a lock lasts before it releases by itself. */
    lockoutDurationMs: number;
    sessionIdleMs: number;
    sessionMaxMs: number;
    oidc: { issuer: string; clientId: string; clientSecret: Secret; name: string } | null;
  };
  retentionDays: number;
  /** Audit rows older than this are exported to a file, then purged (never sooner than 365 days). */
  auditRetentionDays: number;
  /** Seals stored upstream tokens; null: generated once into `<dataDir>/keys/` (one instance only). */
  dataEncryptionKey: Secret | null;
  datashare: {
    secrets: Secret[];
    solutionName: string;
    solutionDescription: string;
    partnerName: string;
    supportContact: string;
    handlerUrl: string;
    pollIntervalMs: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      "Invalid configuration:\n" +
        problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

/** Parse an environment (process.env or a test's own object) into the app's configuration. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined) picked[key] = value;
  }
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? "environment"),
        message: issue.message,
      })),
    );
  }
  const e = parsed.data;
  const problems: { variable: string; message: string }[] = [];
  const need = <T>(variable: string, value: T | undefined, why: string): T => {
    if (value === undefined) problems.push({ variable, message: `required ${why}` });
    return value as T;
  };

  const appUrl = e.APP_URL ?? `http://localhost:${e.PORT}`;
  const upstreamConfigured = e.RAPIDSOS_BASE_URL !== undefined || e.AXON_BASE_URL !== undefined || e.ALERTS_BASE_URL !== undefined;
  const sandboxEnabled = e.SANDBOX === "on" || (e.SANDBOX === "auto" && !upstreamConfigured);
  const sandboxRapidsos = `${appUrl}/sandbox/rapidsos`;
  const sandboxAxon = `${appUrl}/sandbox/axon`;
  const whenReal = "when the sandbox is off (SANDBOX=off or real upstream URLs configured)";

  const rapidsosBase = e.RAPIDSOS_BASE_URL ?? (sandboxEnabled ? sandboxRapidsos : undefined);
  const axonBase = e.AXON_BASE_URL ?? (sandboxEnabled ? sandboxAxon : undefined);
  const rapidsos = {
    baseUrl: need("RAPIDSOS_BASE_URL", rapidsosBase, whenReal),
    clientId: sandboxEnabled
      ? (e.RAPIDSOS_CLIENT_ID ?? SANDBOX_DEFAULTS.rapidsosClientId)
      : need("RAPIDSOS_CLIENT_ID", e.RAPIDSOS_CLIENT_ID, whenReal),
    clientSecret: new Secret(
      sandboxEnabled
        ? (e.RAPIDSOS_CLIENT_SECRET ?? SANDBOX_DEFAULTS.rapidsosClientSecret)
        : need("RAPIDSOS_CLIENT_SECRET", e.RAPIDSOS_CLIENT_SECRET, whenReal),
    ),
  };
  const axon = {
    baseUrl: need("AXON_BASE_URL", axonBase, whenReal),
    partnerId: sandboxEnabled
      ? (e.AXON_PARTNER_ID ?? SANDBOX_DEFAULTS.axonPartnerId)
      : need("AXON_PARTNER_ID", e.AXON_PARTNER_ID, whenReal),
    clientId: sandboxEnabled
      ? (e.AXON_CLIENT_ID ?? SANDBOX_DEFAULTS.axonClientId)
      : need("AXON_CLIENT_ID", e.AXON_CLIENT_ID, whenReal),
    clientSecret: new Secret(
      sandboxEnabled
        ? (e.AXON_CLIENT_SECRET ?? SANDBOX_DEFAULTS.axonClientSecret)
        : need("AXON_CLIENT_SECRET", e.AXON_CLIENT_SECRET, whenReal),
    ),
    pageSize: e.AXON_PAGE_SIZE,
    pollIntervalMs: e.AXON_POLL_INTERVAL_MS,
  };

  const alertsBase = e.ALERTS_BASE_URL ?? (sandboxEnabled ? `${appUrl}/sandbox/alerts` : undefined);
  const whenAlerts = "when ALERTS_BASE_URL is set with the sandbox off";
  const alerts =
    alertsBase === undefined
      ? null
      : {
          baseUrl: alertsBase,
          tokenUrl: e.ALERTS_TOKEN_URL ?? `${alertsBase}/oauth/token`,
          socketUrl: e.ALERTS_SOCKET_URL ?? (sandboxEnabled && e.ALERTS_BASE_URL === undefined ? null : need<string>("ALERTS_SOCKET_URL", e.ALERTS_SOCKET_URL, whenAlerts)),
          clientId: sandboxEnabled ? (e.ALERTS_CLIENT_ID ?? SANDBOX_DEFAULTS.alertsClientId) : need("ALERTS_CLIENT_ID", e.ALERTS_CLIENT_ID, whenAlerts),
          clientSecret: new Secret(
            sandboxEnabled ? (e.ALERTS_CLIENT_SECRET ?? SANDBOX_DEFAULTS.alertsClientSecret) : need("ALERTS_CLIENT_SECRET", e.ALERTS_CLIENT_SECRET, whenAlerts),
          ),
        };

  if ((e.ADMIN_EMAIL === undefined) !== (e.ADMIN_PASSWORD === undefined)) {
    problems.push({
      variable: e.ADMIN_EMAIL === undefined ? "ADMIN_EMAIL" : "ADMIN_PASSWORD",
      message: "ADMIN_EMAIL and ADMIN_PASSWORD must be set together",
    });
  }
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (oidcParts.some((p) => p !== undefined) && oidcParts.some((p) => p === undefined)) {
    const missing = (["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const).find(
      (_, i) => oidcParts[i] === undefined,
    )!;
    problems.push({
      variable: missing,
      message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together",
    });
  }

  const datashareSecrets =
    e.DATASHARE_SECRETS && e.DATASHARE_SECRETS.length > 0
      ? e.DATASHARE_SECRETS
      : sandboxEnabled
        ? [SANDBOX_DEFAULTS.datashareSecret]
        : [];

  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = path.resolve(e.DATA_DIR);
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    appUrl,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: "postgres", url: new Secret(e.DATABASE_URL) }
      : { kind: "pglite", dir: path.join(dataDir, "pglite") },
    logLevel: e.LOG_LEVEL,
    trustedProxies: new TrustedProxies(e.TRUSTED_PROXIES ?? []),
    sandbox: {
      enabled: sandboxEnabled,
      seed: e.SANDBOX_SEED,
      tokenTtlSeconds: e.SANDBOX_TOKEN_TTL_SECONDS,
      leiRateLimitPerMinute: e.SANDBOX_LEI_RATE_LIMIT_PER_MINUTE,
      devices: e.SANDBOX_DEVICES,
      callers: e.SANDBOX_CALLERS,
      deviceReportMs: e.SANDBOX_DEVICE_REPORT_MS,
      alertsSocketPort: e.SANDBOX_ALERTS_SOCKET_PORT,
    },
    rapidsos,
    axon,
    alerts,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    displayConfidence: e.DISPLAY_CONFIDENCE,
    mapStyleUrl: e.MAP_STYLE_URL ?? null,
    auth: {
      secret: e.AUTH_SECRET ? new Secret(e.AUTH_SECRET) : null,
      demoPassword: new Secret(e.DEMO_PASSWORD),
      admin:
        e.ADMIN_EMAIL && e.ADMIN_PASSWORD
          ? { email: e.ADMIN_EMAIL.toLowerCase(), password: new Secret(e.ADMIN_PASSWORD) }
          : null,
      lockoutMaxFailures: e.LOCKOUT_MAX_FAILURES,
      lockoutWindowMs: e.LOCKOUT_WINDOW_MINUTES * 60_000,
      lockoutDurationMs: e.LOCKOUT_MINUTES * 60_000,
      sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
      sessionMaxMs: e.SESSION_MAX_HOURS * 3_600_000,
      oidc:
        e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
          ? {
              issuer: e.OIDC_ISSUER,
              clientId: e.OIDC_CLIENT_ID,
              clientSecret: new Secret(e.OIDC_CLIENT_SECRET),
              name: e.OIDC_NAME,
            }
          : null,
    },
    retentionDays: e.RETENTION_DAYS,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    dataEncryptionKey: e.DATA_ENCRYPTION_KEY ? new Secret(e.DATA_ENCRYPTION_KEY) : null,
    datashare: {
      secrets: datashareSecrets.map((s) => new Secret(s)),
      solutionName: e.DATASHARE_SOLUTION_NAME,
      solutionDescription: e.DATASHARE_SOLUTION_DESCRIPTION,
      partnerName: e.DATASHARE_PARTNER_NAME,
      supportContact: e.DATASHARE_SUPPORT_CONTACT,
      handlerUrl: e.DATASHARE_HANDLER_URL ?? `${appUrl}/api/datashare`,
      pollIntervalMs: e.DATASHARE_POLL_INTERVAL_MS,
    },
  };
}

const CONFIG_KEY = Symbol.for("dispatcher-map.config");
type Holder = { [CONFIG_KEY]?: AppConfig };

/** The running app's configuration, parsed from process.env on first use. */
export function getConfig(): AppConfig {
  const holder = globalThis as Holder;
  holder[CONFIG_KEY] ??= parseConfig(process.env);
  return holder[CONFIG_KEY];
}

/**
 * Tests only: run with the configuration parsed from `env` (null: parse process.env again on next use).
 * Returns a function that restores what was there before.
 */
export function useConfigForTests(env: Record<string, string | undefined> | null): () => void {
  const holder = globalThis as Holder;
  const before = holder[CONFIG_KEY];
  if (env === null) delete holder[CONFIG_KEY];
  else holder[CONFIG_KEY] = parseConfig(env);
  return () => {
    holder[CONFIG_KEY] = before;
  };
}
