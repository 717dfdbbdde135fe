/** The sandbox's mutable parts in one place, shared by the request handlers. */
import type { OffsetClock } from "./clock";
import type { Credentials, Upstream } from "./credentials";
import type { FaultQueue } from "./faults";
import { detail, serviceUnavailable, sleep } from "./http";
import type { SlidingWindowLimiter } from "./rate-limit";
import type { Scenario } from "./scenario";
import type { RequestCounts } from "./types";
import type { WorkflowState } from "./workflow/state";

export interface SandboxCore {
  seed: number;
  tokenTtlSeconds: number;
  clock: OffsetClock;
  scenario: Scenario;
  credentials: Credentials;
  faults: FaultQueue;
  leiLimiter: SlidingWindowLimiter;
  counts: RequestCounts;
  /** Calls and alerts started through Emergency WorkFlow triggers (sandbox/workflow/). */
  workflow: WorkflowState;
}

export const zeroCounts = (): RequestCounts => ({ rapidsos: { token: 0, location: 0, additionalData: 0 }, axon: { token: 0, search: 0 } });

/**
 * Apply the next injected fault for `upstream`, if one is pending. Faults sit in front of
 * everything (as a failing load balancer or backend would), before authentication.
 * Returns the failure response, or null to carry on (after the delay, for "slow").
 */
export async function applyFault(core: SandboxCore, upstream: Upstream, req: Request): Promise<Response | null> {
  const fault = core.faults.take(upstream);
  if (!fault) return null;
  switch (fault.kind) {
    case "429":
      return detail(429, "Too many requests. Please try again later", { "retry-after": String(fault.retryAfterSeconds) });
    case "500":
      return detail(500, "Internal server error.");
    case "down":
      return serviceUnavailable();
    case "slow": {
      const aborted = await sleep(fault.delayMs, req.signal);
      // Nobody is listening any more; answer something small and stop working on it.
      return aborted ? new Response(null, { status: 499 }) : null;
    }
  }
}
