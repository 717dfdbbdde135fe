/**
 * The database: accounts and sessions, the append-only audit trail, and everything the app saw
 * upstream (calls, caller locations, device trails, Data Share deliveries) kept for review.
 *
 * Times that come from upstream (LEI, Axon) are kept as UNIX milliseconds (bigint) exactly as sent;
 * times of our own events are timestamptz.
 */
import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Alert } from "@/lib/alerts/types";
import type { CallerLocation } from "@/lib/rapidsos/types";

const stamp = (name: string) =>
  timestamp(name, { withTimezone: true, precision: 3 }).notNull().defaultNow();
const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const ms = (name: string) => bigint(name, { mode: "number" });

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ["telecommunicator", "supervisor", "admin"] }).notNull(),
  /** Memory-hard KDF output (scrypt), self-describing; null for accounts that only use OIDC. */
  passwordHash: text("password_hash"),
  oidcSubject: text("oidc_subject").unique(),
  disabledAt: ts("disabled_at"),
  lockedAt: ts("locked_at"),
  /** Sandbox demo accounts are marked so they can never exist with the sandbox off. */
  demo: boolean("demo").notNull().default(false),
  createdAt: stamp("created_at"),
  updatedAt: stamp("updated_at"),
});

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: stamp("created_at"),
    /** Last time the user did something (not background polling): drives the idle timeout. */
    lastActiveAt: stamp("last_active_at"),
    endedAt: ts("ended_at"),
    endReason: text("end_reason"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Append-only: a trigger (migration 0001) rejects UPDATE, DELETE and TRUNCATE. Never holds a secret.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: stamp("at"),
    actorId: uuid("actor_id"),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    outcome: text("outcome", { enum: ["success", "failure", "denied", "error"] }).notNull(),
    target: text("target"),
    phone: text("phone"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("audit_at_idx").on(t.at),
    index("audit_actor_idx").on(t.actorId, t.at),
    index("audit_action_idx").on(t.action, t.at),
    index("audit_phone_idx").on(t.phone, t.at),
  ],
);

/**
 * A 911 call as LEI identifies it: a phone number and the call's start time. A call is "active"
 * while LEI still answers for it; then "ended" (LEI forgets ~10 minutes after the call ends).
 */
export const calls = pgTable(
  "calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    phone: text("phone").notNull(),
    /** LEI `call_start_time`; null until the first record arrives (a Data Share may come first). */
    callStartTime: ms("call_start_time"),
    status: text("status", { enum: ["active", "ended"] }).notNull().default("active"),
    /** Shared to the whole center through Data Share (else opened by a telecommunicator's lookup). */
    shared: boolean("shared").notNull().default(false),
    callerName: text("caller_name"),
    firstSeenAt: stamp("first_seen_at"),
    lastLocationAt: ms("last_location_at"),
    lastCreatedTime: ms("last_created_time"),
    locationCount: integer("location_count").notNull().default(0),
    lastPolledAt: ts("last_polled_at"),
    /** Consecutive polls in which LEI had nothing for this number. */
    missedPolls: integer("missed_polls").notNull().default(0),
    /** Someone looked this number up through the LEI proxy: the tracker follows it until then. */
    interestUntil: ts("interest_until"),
    endedAt: ts("ended_at"),
  },
  (t) => [
    uniqueIndex("calls_phone_start_idx").on(t.phone, t.callStartTime),
    index("calls_status_idx").on(t.status),
    index("calls_phone_idx").on(t.phone, t.firstSeenAt),
  ],
);

/** Every LEI location record the app received, once. */
export const callerLocations = pgTable(
  "caller_locations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    phone: text("phone").notNull(),
    /** Identity of the record: the same record seen twice is one row. */
    recordKey: text("record_key").notNull(),
    createdTime: ms("created_time").notNull(),
    locationTime: ms("location_time").notNull(),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
    radiusM: doublePrecision("radius_m"),
    confidence: doublePrecision("confidence"),
    pdf: text("pdf"),
    record: jsonb("record").$type<CallerLocation>().notNull(),
    receivedAt: stamp("received_at"),
  },
  (t) => [
    uniqueIndex("caller_locations_key_idx").on(t.phone, t.recordKey),
    index("caller_locations_call_idx").on(t.callId, t.createdTime),
    index("caller_locations_received_idx").on(t.receivedAt),
  ],
);

/** Where each body camera was; a device that did not move is not stored again. */
export const devicePositions = pgTable(
  "device_positions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    deviceId: text("device_id").notNull(),
    serial: text("serial").notNull(),
    officerName: text("officer_name"),
    badge: text("badge"),
    status: text("status").notNull(),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
    accuracyM: doublePrecision("accuracy_m"),
    at: ms("at").notNull(),
    receivedAt: stamp("received_at"),
  },
  (t) => [
    uniqueIndex("device_positions_device_at_idx").on(t.deviceId, t.at),
    index("device_positions_received_idx").on(t.receivedAt),
  ],
);

/** The calls each telecommunicator has open in their call list, until they close them. */
export const callWatches = pgTable(
  "call_watches",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    phone: text("phone").notNull(),
    openedAt: stamp("opened_at"),
  },
  (t) => [primaryKey({ columns: [t.userId, t.phone] })],
);

/** Data Share deliveries that were accepted (rejected ones exist only as audit rows). */
export const datashareDeliveries = pgTable(
  "datashare_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** SHA-256 of the raw body: a retried delivery is recognised and not stored twice. */
    bodySha256: text("body_sha256").notNull().unique(),
    receivedAt: stamp("received_at"),
    phone: text("phone").notNull(),
    callId: uuid("call_id").references(() => calls.id, { onDelete: "set null" }),
    incidentLatitude: doublePrecision("incident_latitude"),
    incidentLongitude: doublePrecision("incident_longitude"),
    eccAccountId: text("ecc_account_id"),
    /** [west, south, east, north] in degrees. */
    bbox: jsonb("bbox").$type<[number, number, number, number]>(),
    /** AES-256-GCM sealed LEI/RAD-E token; never leaves the server, never logged. */
    accessTokenSealed: text("access_token_sealed"),
  },
  (t) => [index("datashare_phone_idx").on(t.phone, t.receivedAt)],
);

/**
 * The live device state, for the instances that do not poll Axon: the polling one writes each
 * changed device with the feed version that changed it (a removed device keeps a row with no data),
 * so the others read only what is newer than the version they hold. Not history: that is
 * device_positions.
 */
export const deviceStates = pgTable(
  "device_states",
  {
    deviceId: text("device_id").primaryKey(),
    version: ms("version").notNull(),
    device: jsonb("device"),
  },
  (t) => [index("device_states_version_idx").on(t.version)],
);

/** One row per live feed (today: "devices"): its version, and what describes it as a whole. */
export const liveFeeds = pgTable("live_feeds", {
  name: text("name").primaryKey(),
  version: ms("version").notNull(),
  state: jsonb("state").notNull(),
  updatedAt: stamp("updated_at"),
});

/**
 * Failed sign-ins per client address, across all accounts, in the current window: the throttle
 * that runs before any account is looked at (lib/auth/source-throttle.ts). In the database so
 * every instance of a cluster sees the same count. One row per address, reset when its window ends.
 */
export const signinThrottle = pgTable("signin_throttle", {
  /** The client address (lib/server/client-address.ts), or "unknown". */
  source: text("source").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: stamp("window_started_at"),
  lastFailureAt: stamp("last_failure_at"),
  /** No attempt from this source is looked at before this time (a 429 with Retry-After). */
  blockedUntil: ts("blocked_until"),
  /** Attempts answered 429 in this window (counted, not audited one by one). */
  refused: integer("refused").notNull().default(0),
  lastEmail: text("last_email"),
});

export const schema = {
  users,
  sessions,
  auditLog,
  calls,
  callerLocations,
  devicePositions,
  callWatches,
  datashareDeliveries,
  deviceStates,
  liveFeeds,
  signinThrottle,
};

// ── RapidSOS Alerts (lib/alerts) ────────────────────────────────────────────────────────────────
// Kept past the vendor's 12 hours for review, under RETENTION_DAYS like everything else.

/** Every alert the ECC saw: the latest snapshot (our reshaped type) plus the columns we query by. */
export const alerts = pgTable(
  "alerts",
  {
    /** RapidSOS's alert_id. */
    id: text("id").primaryKey(),
    createdTime: ms("created_time").notNull(),
    status: text("status").notNull(),
    disposition: text("disposition"),
    slaExpirationTime: ms("sla_expiration_time"),
    alert: jsonb("alert").$type<Alert>().notNull(),
    receivedAt: stamp("received_at"),
    updatedAt: stamp("updated_at"),
  },
  (t) => [index("alerts_created_idx").on(t.createdTime), index("alerts_status_idx").on(t.status)],
);

/**
 * An alert's timeline: status, disposition, locations, chat, milestones, multi-trip signals, and
 * our own consoles' actions (with who). `key` makes every upstream fact land once, however many
 * times the socket, a replay or a catch-up delivers it.
 */
export const alertEvents = pgTable(
  "alert_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    alertId: text("alert_id")
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    key: text("key").notNull().unique(),
    kind: text("kind").notNull(),
    at: ms("at").notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorEmail: text("actor_email"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    receivedAt: stamp("received_at"),
  },
  (t) => [index("alert_events_alert_idx").on(t.alertId, t.at)],
);

/** Where the catch-up through GET /v1/alerts resumes (`alerts_until` of the last page). */
export const alertSync = pgTable("alert_sync", {
  name: text("name").primaryKey(),
  cursor: ms("cursor").notNull(),
  updatedAt: stamp("updated_at"),
});

/**
 * RapidSOS additional data (RAD-E) for a call, as last received: the document is kept as sent and
 * validated when read, so a malformed section is reported on screen, never silently lost. Once
 * RAD-E forgets the call (404 after its data expires) the last document stays for review.
 */
export const additionalData = pgTable("additional_data", {
  callId: uuid("call_id")
    .primaryKey()
    .references(() => calls.id, { onDelete: "cascade" }),
  phone: text("phone").notNull(),
  document: jsonb("document").$type<unknown>(),
  /** Bumped each time a different document arrives: the consoles' ETag. */
  version: integer("version").notNull().default(0),
  receivedAt: ts("received_at"),
  /** When the tracker last asked RAD-E (found or not). */
  checkedAt: ts("checked_at").notNull(),
});

/**
 * RAD-E additional data for a central-station alert, fetched by `alert_id` (RapidSOS provisions it
 * when the alert is created, and a later trigger may change it): the same columns and rules as a
 * call's (`additional_data`), kept past the platform's 12 hours for review.
 */
export const alertAdditionalData = pgTable("alert_additional_data", {
  alertId: text("alert_id")
    .primaryKey()
    .references(() => alerts.id, { onDelete: "cascade" }),
  document: jsonb("document").$type<unknown>(),
  version: integer("version").notNull().default(0),
  receivedAt: ts("received_at"),
  checkedAt: ts("checked_at").notNull(),
});
