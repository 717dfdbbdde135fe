/** The sandbox's public contract (see index.ts). */
import type { CallKind } from "./caller-routes";
import type { SandboxClock } from "./clock";
import type { AxonScope, Upstream } from "./credentials";
import type { DeviceStatus } from "./device-timeline";
import type { FaultKind } from "./faults";
import type { AlertsPlatform } from "./alerts/platform";
import type { CallerSummary, ScenarioSize } from "./scenario";
import type { WorkflowState } from "./workflow/state";

export type { ScenarioSize };

export type { CallKind, SandboxClock, AxonScope, Upstream, DeviceStatus, FaultKind, CallerSummary };

export interface SandboxOptions extends ScenarioSize {
  seed: number;
  tokenTtlSeconds: number;
  leiRateLimitPerMinute: number;
  /** Real time (UNIX ms); tests pin it to make the scenario's start reproducible. */
  realNow?: () => number;
}

export interface DeviceSummary {
  id: string;
  serial: string;
  model: string;
  status: DeviceStatus;
  batteryPct: number;
  officer: { name: string; badge: string; userId: string } | null;
  location: { lat: number; lon: number } | null;
}

export interface FaultView {
  id: number;
  upstream: Upstream;
  kind: FaultKind;
  remaining: number;
  delayMs: number;
  retryAfterSeconds: number;
}

export interface ScenarioSnapshot {
  seed: number;
  /** Sandbox clock (UNIX ms). */
  now: number;
  paused: boolean;
  /** When the scenario (re)started on the sandbox clock; everything is a function of seed, this and now. */
  scenarioStart: number;
  callers: CallerSummary[];
  devices: DeviceSummary[];
  clients: {
    rapidsos: { clientId: string }[];
    axon: { clientId: string; partnerId: string; scopes: AxonScope[] }[];
  };
  faults: FaultView[];
}

export interface RequestCounts {
  /** additionalData: RAD-E reads (a consumer asking for a call's or an alert's additional data). */
  rapidsos: { token: number; location: number; additionalData: number };
  axon: { token: number; search: number };
}

export interface StartedCall {
  phone: string;
  kind: CallKind;
  callStart: number;
  endsAt: number;
}

export interface FaultInput {
  upstream: Upstream;
  kind: FaultKind;
  count?: number;
  delayMs?: number;
  retryAfterSeconds?: number;
}

export interface CreatedAxonClient {
  clientId: string;
  partnerId: string;
  secret: string;
  scopes: AxonScope[];
}

export interface Sandbox {
  /** RapidSOS Alerts (partner API, ECC API, the events socket's source). */
  readonly alerts: AlertsPlatform;
  /** Emergency WorkFlow's calls, alerts and queued faults (sandbox/workflow/). */
  readonly workflow: WorkflowState;
  /** Answers every request whose path starts with /sandbox/ (anything unknown: 404 JSON). */
  handle(req: Request): Promise<Response>;
  clock: SandboxClock;
  /** New scenario from now (same seed unless given): clock back to real time, faults, limits, tokens and created clients cleared. */
  reset(seed?: number): void;
  /** Called after each reset (start-up tells the app its stored answers are of the old world); returns an unsubscribe. */
  onReset(listener: () => void): () => void;
  snapshot(): ScenarioSnapshot;
  readonly seed: number;
  /** The same operations as the control API, for tests in-process. */
  startCall(kind: CallKind, phone?: string): StartedCall;
  /** Null when no call from `phone` is active. */
  endCall(phone: string): StartedCall | null;
  injectFault(fault: FaultInput): FaultView;
  clearFaults(): void;
  createAxonClient(scopes: AxonScope[], name?: string): CreatedAxonClient;
  deleteAxonClient(clientId: string): boolean;
  /** Change an existing client's scopes (the app's own default client too); null: no such client. */
  setAxonScopes(clientId: string, scopes: AxonScope[]): AxonScope[] | null;
  requestCounts(): RequestCounts;
  resetRequestCounts(): void;
}
