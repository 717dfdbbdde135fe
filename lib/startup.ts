/**
 * What a server does once, before it answers: validate configuration (a bad value stops the app with
 * a message naming the variable), open and migrate the database, make sure the initial accounts
 * exist, then start the background work — the LEI call tracker, the Axon device poller, the
 * live-nudge listener and the retention purge — and print where the app is and how to sign in.
 */
import { ConfigError, getConfig, type AppConfig } from "@/lib/config/env";

const PURGE_EVERY_MS = 60 * 60_000;

export async function startServer(): Promise<void> {
  let config: AppConfig;
  try {
    config = getConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`\nDispatcher Map cannot start.\n${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }

  const { getDatabase } = await import("@/lib/db/client");
  const { describeInitialAccounts, initialAccounts } = await import("@/lib/auth/initial-accounts");
  const { liveBus } = await import("@/lib/live/bus");
  const { callTracker } = await import("@/lib/calls/console-calls");
  const { devicePoller } = await import("@/lib/live/devices");
  const { log } = await import("@/lib/server/log");

  try {
    await getDatabase();
  } catch (err) {
    console.error(`\nDispatcher Map cannot open its database: ${(err as Error).message}\n`);
    process.exit(1);
  }
  if (config.sandbox.enabled) await wireSandbox();
  const accounts = await initialAccounts();
  await liveBus().start();
  callTracker().start();
  callTracker().follow(liveBus());
  devicePoller().start();
  if (config.alerts) await startAlerts(config);
  schedulePurge(config);

  const lines = [
    "",
    `Dispatcher Map is running at ${config.appUrl}`,
    `  database: ${config.database.kind === "pglite" ? `PGlite in ${config.database.dir}` : "PostgreSQL (DATABASE_URL)"}`,
    config.sandbox.enabled
      ? `  upstreams: embedded sandbox at ${config.appUrl}/sandbox (seed ${config.sandbox.seed}; Portal at ${config.appUrl}/sandbox/portal; central station at ${config.appUrl}/sandbox/central-station)`
      : `  upstreams: RapidSOS ${config.rapidsos.baseUrl}, Axon ${config.axon.baseUrl}`,
    ...describeInitialAccounts(accounts).map((l) => `  ${l}`),
    "",
  ];
  // The banner is for the person who started the app, on the console, not a structured log.
  console.log(lines.join("\n"));
  log().info({ sandbox: config.sandbox.enabled, database: config.database.kind }, "started");
}

/**
 * Data ages are measured on the simulator's clock, which demos and tests pause and advance. A reset
 * replaces the simulated world, so what the app stored from the old one no longer answers a lookup
 * without asking LEI (a call opened just after a reset is the new scenario's, not the old one's),
 * and the cameras are asked for at once: a console opened just after a reset shows the new world's,
 * not the old world's until the next poll.
 */
async function wireSandbox(): Promise<void> {
  const { getSandbox } = await import("@/sandbox");
  const { setDataClock } = await import("@/lib/server/clock");
  const { forgetFreshAnswers } = await import("@/lib/calls/tracked-locations");
  const { devicePoller } = await import("@/lib/live/devices");
  const { log } = await import("@/lib/server/log");
  setDataClock(() => getSandbox()?.clock.now() ?? Date.now());
  getSandbox()?.onReset(() => {
    forgetFreshAnswers();
    // Axon's and the database's failures are the poller's to log and retry; anything else is said here.
    devicePoller()
      .refresh()
      .catch((err: unknown) => log().warn({ err }, "device poll after a sandbox reset failed"));
  });
}

/**
 * The Alerts events runner; with the embedded sandbox, first its events socket on a listener of its
 * own (the app's HTTP server routes no WebSocket upgrades), whose URL the runner then uses.
 */
async function startAlerts(config: AppConfig): Promise<void> {
  const { alertsRunner, useAlertsSocketUrl } = await import("@/lib/alerts/app-wiring");
  if (config.sandbox.enabled && config.alerts?.socketUrl === null) {
    const { getSandbox } = await import("@/sandbox");
    const { startAlertsSocket } = await import("@/sandbox/alerts/socket");
    const sandbox = getSandbox();
    if (sandbox) {
      const listener = await startAlertsSocket(sandbox.alerts, sandbox.clock, { port: config.sandbox.alertsSocketPort });
      useAlertsSocketUrl(listener.url);
    }
  }
  alertsRunner()?.start();
}

function schedulePurge(config: AppConfig): void {
  const run = async () => {
    const { getDatabase } = await import("@/lib/db/client");
    const { purgeHistory } = await import("@/lib/history/retention");
    const { purgeSessions } = await import("@/lib/auth/sessions");
    const { log } = await import("@/lib/server/log");
    try {
      const database = await getDatabase();
      if (!(await database.tryLead("retention-purge"))) return;
      const purged = await purgeHistory(database.db, config.retentionDays);
      const { purgeAlerts } = await import("@/lib/alerts/store");
      const alerts = await purgeAlerts(database.db, Date.now() - config.retentionDays * 86_400_000);
      // Ended sessions only matter for as long as the history they touched.
      const sessions = await purgeSessions(database.db, new Date(Date.now() - config.retentionDays * 86_400_000));
      log().info({ purged, alerts, sessions, retentionDays: config.retentionDays }, "retention purge");
      // The audit trail: exported to a file first, then purged (lib/audit/retention.ts).
      const { archiveAndPurgeAudit } = await import("@/lib/audit/retention");
      const audit = await archiveAndPurgeAudit(database.db, config.dataDir, config.auditRetentionDays);
      const { purgeThrottle, SOURCE_POLICY } = await import("@/lib/auth/source-throttle");
      const sources = await purgeThrottle(database.db, SOURCE_POLICY, new Date());
      log().info({ audit, sources, auditRetentionDays: config.auditRetentionDays }, "audit retention");
    } catch (err) {
      log().error({ err }, "retention purge failed");
    }
  };
  void run();
  setInterval(() => void run(), PURGE_EVERY_MS).unref();
}
