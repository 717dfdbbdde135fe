import { expect, type APIRequestContext } from "@playwright/test";

/** The seed every console test starts from, so callers and devices are the same every run. */
export const CONSOLE_SEED = 911;

export const SCENARIO_PHONES = {
  walking: "14125550101",
  driving: "14125550102",
  text: "14125550103",
} as const;

export interface ScenarioDevice {
  id: string;
  serial: string;
  model: string;
  status: string;
  batteryPct: number | null;
  officer: { name: string; badge: string } | null;
  location: { lat: number; lon: number } | null;
}

export interface Scenario {
  now: number;
  paused: boolean;
  callers: { phone: string; kind: string; status: string; callerName: string | null }[];
  devices: ScenarioDevice[];
}

/**
 * The sandbox's own control API (upstreams are called from the server, so page.route cannot fake
 * them): reset to a seed, stop and move its clock, inject faults.
 */
export class SandboxControl {
  constructor(private readonly request: APIRequestContext) {}

  private async post(path: string, data: unknown) {
    const res = await this.request.post(`/sandbox/control/${path}`, { data });
    expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBe(true);
    return res.json();
  }

  /** A fixed world with a stopped clock: nothing moves unless the test advances it. */
  async resetPaused(seed = CONSOLE_SEED): Promise<Scenario> {
    await this.post("reset", { seed });
    await this.post("clock", { action: "pause" });
    return this.scenario();
  }

  advance(ms: number) {
    return this.post("clock", { action: "advance", ms });
  }

  async scenario(): Promise<Scenario> {
    const res = await this.request.get("/sandbox/control/scenario");
    expect(res.ok()).toBe(true);
    return (await res.json()) as Scenario;
  }

  fault(upstream: "rapidsos" | "axon", kind: "429" | "500" | "slow" | "down", count = 10_000) {
    return this.post("faults", { upstream, kind, count, retryAfterSeconds: 1 });
  }

  async clearFaults() {
    const res = await this.request.delete("/sandbox/control/faults");
    expect(res.ok()).toBe(true);
  }

  endCall(phone: string) {
    return this.post(`calls/${phone}/end`, {});
  }
}
