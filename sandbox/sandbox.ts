/** The sandbox itself: state, routing under /sandbox/, and the in-process control operations. */
import { AlertsPlatform } from "./alerts/platform";
import { axonSearch, axonToken } from "./axon-handler";
import { OffsetClock } from "./clock";
import { control } from "./control-handler";
import { zeroCounts, type SandboxCore } from "./core";
import { Credentials, type AxonScope } from "./credentials";
import { FaultQueue } from "./faults";
import { BodyTooLargeError, detail, notFound } from "./http";
import { leiLocation, rapidsosToken } from "./rapidsos-handler";
import { SlidingWindowLimiter } from "./rate-limit";
import { Scenario } from "./scenario";
import type { CallPlan } from "./call-plan";
import { radeAdditionalData, remTrigger } from "./workflow/handler";
import { WorkflowState } from "./workflow/state";
import type {
  CallKind,
  CreatedAxonClient,
  FaultInput,
  FaultView,
  RequestCounts,
  Sandbox,
  SandboxOptions,
  ScenarioSize,
  ScenarioSnapshot,
  StartedCall,
} from "./types";

/** Strip one trailing slash so `/location/` and `/location` route alike. */
const trimSlash = (p: string) => (p.length > 1 && p.endsWith("/") ? p.slice(0, -1) : p);

export class SandboxInstance implements Sandbox {
  readonly clock: OffsetClock;
  /** RapidSOS Alerts: the partner and ECC APIs; its events socket listens apart (alerts/socket.ts). */
  readonly alerts: AlertsPlatform;
  /** Emergency WorkFlow: device and app calls, their additional data, the alerts its flows made. */
  readonly workflow: WorkflowState;
  private readonly core: SandboxCore;
  private readonly size: ScenarioSize;
  private readonly resetListeners = new Set<() => void>();

  constructor(options: SandboxOptions) {
    const realNow = options.realNow ?? Date.now;
    this.clock = new OffsetClock(realNow);
    this.workflow = new WorkflowState(options.seed);
    this.size = { devices: options.devices, callers: options.callers, deviceReportMs: options.deviceReportMs };
    this.core = {
      seed: options.seed,
      tokenTtlSeconds: options.tokenTtlSeconds,
      clock: this.clock,
      scenario: new Scenario(options.seed, this.clock.now(), this.size),
      credentials: new Credentials(),
      faults: new FaultQueue(),
      leiLimiter: new SlidingWindowLimiter(options.leiRateLimitPerMinute, 60_000, realNow),
      counts: zeroCounts(),
      workflow: this.workflow,
    };
    this.alerts = new AlertsPlatform(options.seed, this.clock, options.tokenTtlSeconds, realNow);
  }

  get seed(): number {
    return this.core.seed;
  }

  async handle(req: Request): Promise<Response> {
    const url = new URL(req.url);
    const path = trimSlash(url.pathname);
    const c = this.core;
    try {
      switch (path) {
        case "/sandbox/rapidsos/oauth/token":
          return await rapidsosToken(c, req);
        case "/sandbox/rapidsos/v1/rsos/location":
          return await leiLocation(c, req, url);
        case "/sandbox/rapidsos/v1/rem/trigger":
          return await remTrigger(c, this.alerts, req);
        case "/sandbox/rapidsos/v1/rad-e/additional-data":
          return radeAdditionalData(c, this.alerts, req, url);
        case "/sandbox/axon/api/oauth2/token":
          return await axonToken(c, req);
        case "/sandbox/axon/respond/api/v1/devices/states/search":
          return await axonSearch(c, req, url);
      }
      if (path.startsWith("/sandbox/alerts/")) {
        return await this.alerts.handle(req, path.slice("/sandbox/alerts/".length), url);
      }
      if (path.startsWith("/sandbox/control/")) {
        return await control(this, req, path.slice("/sandbox/control/".length).split("/"));
      }
      return notFound();
    } catch (err) {
      if (err instanceof BodyTooLargeError) return detail(413, "Request body too large.");
      throw err;
    }
  }

  reset(seed?: number): void {
    const c = this.core;
    if (seed !== undefined) c.seed = seed;
    this.clock.reset();
    c.scenario = new Scenario(c.seed, this.clock.now(), this.size);
    c.credentials.reset();
    c.faults.clear();
    c.leiLimiter.clear();
    this.alerts.reset(c.seed);
    this.workflow.reset(c.seed);
    for (const listener of this.resetListeners) listener();
  }

  onReset(listener: () => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  snapshot(): ScenarioSnapshot {
    const c = this.core;
    const now = this.clock.now();
    return {
      seed: c.seed,
      now,
      paused: this.clock.isPaused(),
      scenarioStart: c.scenario.t0,
      callers: c.scenario.callers(now),
      devices: c.scenario.deviceReports(now).map((r) => ({
        id: r.device.id,
        serial: r.device.serial,
        model: r.device.model,
        status: r.status,
        batteryPct: r.batteryPct,
        officer: r.device.officer
          ? { name: `${r.device.officer.firstName} ${r.device.officer.lastName}`, badge: r.device.officer.badgeNumber, userId: r.device.officer.userId }
          : null,
        location: { lat: r.location.lat, lon: r.location.lon },
      })),
      clients: {
        rapidsos: c.credentials.listRapidsos(),
        axon: c.credentials.listAxon().map(({ clientId, partnerId, scopes }) => ({ clientId, partnerId, scopes })),
      },
      faults: this.faultViews(),
    };
  }

  startCall(kind: CallKind, phone?: string): StartedCall {
    return this.started(this.core.scenario.startCall(kind, this.clock.now(), phone));
  }

  endCall(phone: string): StartedCall | null {
    const call = this.core.scenario.endCall(phone, this.clock.now());
    return call ? this.started(call) : null;
  }

  injectFault(f: FaultInput): FaultView {
    const fault = this.core.faults.add({
      upstream: f.upstream,
      kind: f.kind,
      count: f.count ?? 1,
      delayMs: f.delayMs ?? 15_000,
      retryAfterSeconds: f.retryAfterSeconds ?? 2,
    });
    return view(fault);
  }

  clearFaults(): void {
    this.core.faults.clear();
  }

  createAxonClient(scopes: AxonScope[], name = "Sandbox API client"): CreatedAxonClient {
    const { client, secret } = this.core.credentials.createAxonClient(scopes, name);
    return { clientId: client.clientId, partnerId: client.partnerId, secret, scopes: [...client.scopes] };
  }

  deleteAxonClient(clientId: string): boolean {
    return this.core.credentials.deleteAxonClient(clientId);
  }

  setAxonScopes(clientId: string, scopes: AxonScope[]): AxonScope[] | null {
    const client = this.core.credentials.setAxonScopes(clientId, scopes);
    return client ? [...client.scopes] : null;
  }

  requestCounts(): RequestCounts {
    const { rapidsos, axon } = this.core.counts;
    return { rapidsos: { ...rapidsos }, axon: { ...axon } };
  }

  resetRequestCounts(): void {
    this.core.counts = zeroCounts();
  }

  private started(call: CallPlan): StartedCall {
    return { phone: call.phone, kind: call.kind, callStart: call.start, endsAt: this.core.scenario.calls.effectiveEnd(call) };
  }

  private faultViews(): FaultView[] {
    return this.core.faults.list().map(view);
  }
}

function view(f: FaultView): FaultView {
  return { id: f.id, upstream: f.upstream, kind: f.kind, remaining: f.remaining, delayMs: f.delayMs, retryAfterSeconds: f.retryAfterSeconds };
}
