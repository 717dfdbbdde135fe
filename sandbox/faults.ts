/** Injected upstream failures: the next `count` data requests to an upstream fail the chosen way. */
import type { Upstream } from "./credentials";

export type FaultKind = "429" | "500" | "slow" | "down";

export interface FaultSpec {
  upstream: Upstream;
  kind: FaultKind;
  count: number;
  delayMs: number;
  retryAfterSeconds: number;
}

export interface Fault extends FaultSpec {
  id: number;
  /** How many more requests this fault will affect. */
  remaining: number;
}

export class FaultQueue {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: this.nextId++, remaining: spec.count };
    this.faults.push(fault);
    return { ...fault };
  }

  /** Consume one use of the oldest pending fault for `upstream`, if any. */
  take(upstream: Upstream): Fault | null {
    const fault = this.faults.find((f) => f.upstream === upstream);
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return { ...fault };
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }
}
