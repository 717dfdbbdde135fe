/**
 * The running app's Alerts: the runner wired to the process configuration, database, live bus and
 * data clock. The socket URL is the configured one, or the embedded sandbox listener's, which
 * start-up hands over once it listens (this module never imports the simulator).
 */
import "server-only";
import { additionalDataFetcher } from "@/lib/additional-data/client";
import { getConfig } from "@/lib/config/env";
import { getDatabase } from "@/lib/db/client";
import { liveBus } from "@/lib/live/bus";
import { dataNow } from "@/lib/server/clock";
import { singleton } from "@/lib/server/singleton";
import { alertsClient } from "./client";
import { AlertsRunner } from "./runner";

const socket = () => singleton<{ url: string | null }>("alerts-socket-url", () => ({ url: getConfig().alerts?.socketUrl ?? null }));

export function useAlertsSocketUrl(url: string): void {
  socket().url = url;
}

export function alertsSocketUrl(): string | null {
  return socket().url;
}

/** Null when Alerts is not configured. */
export function alertsRunner(): AlertsRunner | null {
  return singleton("alerts-runner", () => {
    const client = alertsClient();
    return client ? new AlertsRunner({ database: getDatabase, client, socketUrl: alertsSocketUrl, bus: liveBus(), now: dataNow, additionalData: () => additionalDataFetcher() }) : null;
  });
}
