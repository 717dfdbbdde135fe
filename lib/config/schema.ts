/**
 * Every environment variable the app reads, with its type, range and default. Parsed once by
 * `parseConfig` in env.ts; nothing else reads the environment.
 */
import { z } from "zod";
import { parseProxyEntry } from "@/lib/server/ip";

const int = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const httpUrl = z
  .string()
  .trim()
  .transform((v) => v.replace(/\/+$/, ""))
  .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }));

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(httpUrl.optional())
  .optional();

const list = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

const proxyList = list.pipe(
  z.array(z.string()).refine((entries) => entries.every((e) => parseProxyEntry(e) !== null), {
    message: "must be comma-separated IP addresses or CIDR blocks (e.g. 10.0.0.0/8, ::1)",
  }),
);

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: int(1, 65535).default(3000),
  APP_URL: optionalUrl,
  DATA_DIR: z.string().trim().min(1).default(".data"),
  DATABASE_URL: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
        .optional(),
    )
    .optional(),
  TRUSTED_PROXIES: proxyList.optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  SANDBOX: z.enum(["auto", "on", "off"]).default("auto"),
  SANDBOX_SEED: int(0, 2 ** 31 - 1).default(911),
  SANDBOX_TOKEN_TTL_SECONDS: int(5, 86_400).default(3600),
  SANDBOX_LEI_RATE_LIMIT_PER_MINUTE: int(1, 100_000).default(600),
  SANDBOX_DEVICES: int(1, 10_000).default(48),
  SANDBOX_CALLERS: int(1, 300).optional(),
  SANDBOX_DEVICE_REPORT_MS: int(1000, 900_000).optional(),

  RAPIDSOS_BASE_URL: optionalUrl,
  RAPIDSOS_CLIENT_ID: optionalString,
  RAPIDSOS_CLIENT_SECRET: optionalString,
  AXON_BASE_URL: optionalUrl,
  AXON_PARTNER_ID: optionalString,
  AXON_CLIENT_ID: optionalString,
  AXON_CLIENT_SECRET: optionalString,
  AXON_PAGE_SIZE: int(1, 2000).default(100),
  AXON_POLL_INTERVAL_MS: int(1000, 60_000).default(5000),
  ALERTS_BASE_URL: optionalUrl,
  ALERTS_TOKEN_URL: optionalUrl,
  ALERTS_SOCKET_URL: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v.replace(/\/+$/, "")))
    .pipe(z.url({ protocol: /^wss?$/, error: "must be a ws(s):// URL" }).optional())
    .optional(),
  ALERTS_CLIENT_ID: optionalString,
  ALERTS_CLIENT_SECRET: optionalString,
  /** 0: any free port (the app learns it in-process). */
  SANDBOX_ALERTS_SOCKET_PORT: int(0, 65535).default(0),
  UPSTREAM_TIMEOUT_MS: int(100, 120_000).default(5000),

  DISPLAY_CONFIDENCE: int(1, 99).default(90),
  MAP_STYLE_URL: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(
      z
        .string()
        .regex(/^(https?:\/\/|\/)/, "must be an http(s) URL or a path served by the app")
        .optional(),
    )
    .optional(),

  AUTH_SECRET: optionalString.pipe(
    z.string().min(32, "must be at least 32 characters").optional(),
  ),
  DEMO_PASSWORD: z.string().min(8, "must be at least 8 characters").default("sandbox-demo"),
  ADMIN_EMAIL: optionalString.pipe(z.email("must be an e-mail address").optional()),
  ADMIN_PASSWORD: optionalString.pipe(
    z.string().min(12, "must be at least 12 characters").optional(),
  ),
  LOCKOUT_MAX_FAILURES: int(1, 100).default(5),
  LOCKOUT_WINDOW_MINUTES: int(1, 1440).default(15),
  // CJIS AC-7: an automatic release no sooner than 10 minutes.
  LOCKOUT_MINUTES: int(10, 1440).default(15),
  SESSION_IDLE_MINUTES: int(1, 1440).default(30),
  SESSION_MAX_HOURS: int(1, 168).default(12),
  OIDC_ISSUER: optionalUrl,
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_NAME: z.string().trim().min(1).default("Agency sign-in"),

  RETENTION_DAYS: int(1, 3650).default(90),
  // CJIS keeps audit records at least a year.
  AUDIT_RETENTION_DAYS: int(365, 36500).default(365),

  DATASHARE_SECRETS: list.optional(),
  DATASHARE_SOLUTION_NAME: z.string().trim().min(1).max(30).default("Dispatcher Map"),
  DATASHARE_SOLUTION_DESCRIPTION: z
    .string()
    .trim()
    .min(1)
    .max(280)
    .default("Track this caller live on the center's map, with the nearest body cameras."),
  DATASHARE_PARTNER_NAME: z.string().trim().min(1).default("Dispatcher Map"),
  DATASHARE_SUPPORT_CONTACT: z
    .string()
    .trim()
    .min(1)
    .default("Dispatcher Map support <support@dispatcher-map.invalid>"),
  DATASHARE_HANDLER_URL: optionalUrl,
  DATASHARE_POLL_INTERVAL_MS: int(500, 60_000).default(3000),
  DATA_ENCRYPTION_KEY: optionalString.pipe(
    z
      .string()
      .refine((v) => /^[A-Za-z0-9+/_-]+={0,2}$/.test(v) && Buffer.from(v, "base64").length === 32, {
        message: "must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)",
      })
      .optional(),
  ),
});
