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

export type CallKind = "walking" | "driving" | "text";

export interface DeliveryAttempt {
  status: number | null;
  ms: number;
  response: string;
}

/** `POST /sandbox/control/datashare` options (lib/datashare/portal.ts): fields merge into the payload. */
export interface ShareOptions {
  phone?: string;
  signature?: "valid" | "missing" | "wrong" | "uppercase" | "malformed";
  fields?: Record<string, unknown>;
  /** Sent instead of the generated payload, signed as `signature` says. */
  body?: string;
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

  /** Change what the app's own Axon API client may read (an Axon admin's change; a reset restores it). */
  setAxonScopes(scopes: string[], clientId = "sandbox-axon-client") {
    return this.post(`axon/clients/${clientId}/scopes`, { scopes });
  }

  endCall(phone: string) {
    return this.post(`calls/${phone}/end`, {});
  }

  /**
   * Start a 911 call whose number is in none of `taken` (numbers some console already lists, e.g.
   * a call shared by an earlier test that the app still tracks). A number the sandbox offers that
   * is taken is ended at once; its records stay served for a while, so the next offer differs.
   */
  async startFreshCall(kind: CallKind, taken: ReadonlySet<string>): Promise<string> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const { phone } = (await this.post("calls", { kind })) as { phone: string };
      if (!taken.has(phone)) return phone;
      await this.endCall(phone);
    }
    throw new Error("the sandbox kept offering numbers that are already listed");
  }

  /** Send a signed Data Share delivery for a sandbox call, as Portal does; the handler's answers. */
  async share(options: ShareOptions): Promise<DeliveryAttempt[]> {
    const { attempts } = (await this.post("datashare", options)) as { attempts: DeliveryAttempt[] };
    return attempts;
  }
}
