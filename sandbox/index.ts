/**
 * The sandbox: a deterministic simulator of RapidSOS (OAuth + LEI 1.5) and Axon Respond device
 * state, served over real HTTP under /sandbox/. The app's upstream clients talk to it exactly as
 * they would to the real services.
 */
import "server-only";
import { getConfig } from "@/lib/config/env";
import { singleton } from "@/lib/server/singleton";
import { SandboxInstance } from "./sandbox";
import type { Sandbox, SandboxOptions } from "./types";

export type * from "./types";
export { AXON_SCOPES } from "./credentials";
export { INITIAL_PHONES } from "./call-schedule";
export { AXON_PARTNER_NAME } from "./axon-handler";

/** A fully independent sandbox (tests create their own). */
export function createSandbox(options: SandboxOptions): Sandbox {
  return new SandboxInstance(options);
}

/** The process-wide sandbox, or null when the configuration turns it off. */
export function getSandbox(): Sandbox | null {
  return singleton("sandbox", () => {
    const { sandbox } = getConfig();
    return sandbox.enabled
      ? createSandbox({
          seed: sandbox.seed,
          tokenTtlSeconds: sandbox.tokenTtlSeconds,
          leiRateLimitPerMinute: sandbox.leiRateLimitPerMinute,
          devices: sandbox.devices,
          callers: sandbox.callers,
          deviceReportMs: sandbox.deviceReportMs,
        })
      : null;
  });
}
