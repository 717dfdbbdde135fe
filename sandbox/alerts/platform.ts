/**
 * The Alerts platform as a whole: its board, its API clients, the scenario that feeds it, the
 * HTTP API (partner POST /v1/alerts and the ECC's list/get/PATCH/log messages) under
 * /sandbox/alerts/, and the knobs the control API turns (SLA, scenario, envelope form, faults).
 */
import type { SandboxClock } from "../clock";
import { bearerToken, detail, json, methodNotAllowed, notFound, readJsonBody, readText } from "../http";
import { SlidingWindowLimiter } from "../rate-limit";
import { AlertsAuth } from "./auth";
import { AlertsBoard, type Actor, type CreateOptions } from "./board";
import { parseAlertRequest } from "./partner";
import { AlertsScenario } from "./scenario";
import type { EventEnvelope } from "./wire";

export type EnvelopeForm = "event" | "event_type";
export type AlertsFaultKind = "429" | "500" | "stale" | "replay" | "drop";
export const ALERTS_FAULT_KINDS: readonly AlertsFaultKind[] = ["429", "500", "stale", "replay", "drop"];
/** Messages older than this are never delivered (Websocket Events API, `timestamp`). */
export const MAX_EVENT_AGE_MS = 5 * 60_000;

const FAULT_INVALID = { fault: { faultstring: "Invalid Access Token", detail: { errorcode: "keymanagement.service.invalid_access_token" } } };
const FAULT_EXPIRED = { fault: { faultstring: "Access Token expired", detail: { errorcode: "keymanagement.service.access_token_expired" } } };

export interface AlertsSettings {
  slaSeconds: number;
  scenario: boolean;
  envelope: EnvelopeForm;
}

export class AlertsPlatform {
  readonly board: AlertsBoard;
  readonly auth = new AlertsAuth();
  scenario: AlertsScenario;
  scenarioOn = true;
  envelope: EnvelopeForm = "event";
  private lastTick: number;
  private readonly scenarioIds = new Map<number, string>();
  private faults: AlertsFaultKind[] = [];
  private readonly limiter: SlidingWindowLimiter;

  constructor(
    private seed: number,
    private readonly clock: SandboxClock,
    private readonly tokenTtlSeconds: number,
    realNow: () => number,
  ) {
    this.board = new AlertsBoard(seed);
    const now = clock.now();
    this.scenario = new AlertsScenario(seed, now);
    this.lastTick = now;
    this.limiter = new SlidingWindowLimiter(600, 60_000, realNow);
  }

  reset(seed: number): void {
    this.seed = seed;
    this.board.clear();
    this.auth.reset();
    const now = this.clock.now();
    this.scenario = new AlertsScenario(seed, now);
    this.scenarioIds.clear();
    this.lastTick = now;
    this.scenarioOn = true;
    this.envelope = "event";
    this.faults = [];
    this.limiter.clear();
  }

  settings(): AlertsSettings {
    return { slaSeconds: this.board.slaSeconds, scenario: this.scenarioOn, envelope: this.envelope };
  }

  /** Play the scenario and the SLA clock up to now. Called by the socket's ticker and on every request. */
  tick(): void {
    const now = this.clock.now();
    if (now > this.lastTick && this.scenarioOn) {
      for (const action of this.scenario.between(this.lastTick, now)) {
        this.board.tick(action.at);
        if (action.kind === "create") {
          const created = this.board.create(action.alert, action.at);
          if (created.alert) this.scenarioIds.set(action.index, created.alert.alert_id);
          continue;
        }
        const id = this.scenarioIds.get(action.index);
        if (!id || !this.board.has(id)) continue;
        if (action.kind === "move") this.board.moveTo(id, action.geodetic, null, action.at);
        else this.board.postLog(id, { role: "central", id: "operator-17", name: "J. Alvarez" }, { message: action.message, message_type: action.messageType }, action.at);
      }
    }
    this.lastTick = Math.max(this.lastTick, now);
    this.board.tick(now);
  }

  addFault(kind: AlertsFaultKind, count: number): void {
    for (let i = 0; i < count; i++) this.faults.push(kind);
  }

  /** Consume the next pending fault of one of `kinds`. */
  takeFault(kinds: readonly AlertsFaultKind[]): AlertsFaultKind | null {
    const i = this.faults.findIndex((f) => kinds.includes(f));
    if (i < 0) return null;
    return this.faults.splice(i, 1)[0] ?? null;
  }

  pendingFaults(): AlertsFaultKind[] {
    return [...this.faults];
  }

  /** The wire form of one event: as documented, or as the captured sandbox delivery had it. */
  wire(e: EventEnvelope): Record<string, unknown> {
    return this.envelope === "event_type" ? { event_type: e.event, timestamp: e.timestamp, body: e.body } : { event: e.event, body: e.body, timestamp: e.timestamp };
  }

  /** Create an alert as the central station would (the control API and the central-station page). */
  createAsCentral(body: unknown, options: CreateOptions = {}): { status: number; body: unknown } {
    this.tick();
    const parsed = parseAlertRequest(body);
    if (!parsed.ok) return { status: 400, body: { detail: parsed.detail } };
    const { coverage, alert } = this.board.create(parsed.value, this.clock.now(), options);
    if (!alert) return { status: 216, body: { detail: "Unsupported Location: no PSAP active with RapidSOS Alerts covers this location." } };
    return { status: coverage === "supplemental" ? 217 : 201, body: alert };
  }

  async handle(req: Request, path: string, url: URL): Promise<Response> {
    this.tick();
    const now = this.clock.now();
    if (path === "oauth/token") return this.token(req, now);
    if (!path.startsWith("v1/alerts")) return notFound();

    const auth = this.auth.check(bearerToken(req), now);
    if (!auth.ok) return json(auth.reason === "expired" ? FAULT_EXPIRED : FAULT_INVALID, 401);
    const fault = this.takeFault(["429", "500"]);
    if (fault === "429") return detail(429, "Too many requests. Please try again later", { "retry-after": "1" });
    if (fault === "500") return detail(500, "Internal server error.");
    const rate = this.limiter.hit(auth.actor.id);
    if (!rate.ok) return detail(429, "Too many requests. Please try again later", { "retry-after": String(rate.retryAfterSeconds) });

    const rest = path.slice("v1/alerts".length).replace(/^\//, "");
    const m = req.method;
    if (rest === "") {
      if (m === "GET") return this.list(url);
      if (m !== "POST") return methodNotAllowed(m, ["GET", "POST"]);
      if (auth.role !== "central") return detail(403, "Only Central Station integrations may create alerts.");
      const body = await readJsonBody(req);
      if (!body.ok) return detail(400, `JSON parse error - ${body.error}`);
      const created = this.createAsCentral(body.value);
      return json(created.body, created.status);
    }
    const [rawId, sub] = rest.split("/");
    const id = decodeURIComponent(rawId ?? "");
    if (sub === undefined) {
      if (m === "GET") {
        const alert = this.board.get(id, url.searchParams.get("extra")?.split(",").includes("logs") ?? false);
        if (!alert) return notFound();
        return json(alert);
      }
      if (m !== "PATCH") return methodNotAllowed(m, ["GET", "PATCH"]);
      const body = await readJsonBody(req);
      if (!body.ok) return detail(400, `JSON parse error - ${body.error}`);
      return outcome(this.board.patch(id, auth.actor, body.value, now));
    }
    if (sub === "log_messages") {
      if (m === "GET") {
        const page = positive(url.searchParams.get("page")) ?? 1;
        const limit = Math.min(100, positive(url.searchParams.get("limit")) ?? 25);
        return outcome(this.board.logs(id, page, limit));
      }
      if (m !== "POST") return methodNotAllowed(m, ["GET", "POST"]);
      const body = await readJsonBody(req);
      if (!body.ok) return detail(400, `JSON parse error - ${body.error}`);
      return outcome(this.board.postLog(id, auth.actor, body.value, now));
    }
    return notFound();
  }

  /** For the control API: act as the central station. */
  centralActor(): Actor {
    return { role: "central", id: "operator-17", name: "J. Alvarez" };
  }

  private async token(req: Request, now: number): Promise<Response> {
    if (req.method !== "POST") return methodNotAllowed(req.method, ["POST"]);
    const form = new URLSearchParams(await readText(req));
    const clientId = form.get("client_id") ?? "";
    const secret = form.get("client_secret") ?? "";
    if (!clientId || !secret) return detail(400, "client_id and client_secret are required (form-encoded body).");
    if (form.get("grant_type") !== "client_credentials") return detail(400, "grant_type must be client_credentials.");
    const token = this.auth.issue(clientId, secret, now, this.tokenTtlSeconds);
    if (!token) return detail(401, "Invalid user credentials.");
    return json({ access_token: token, token_type: "BearerToken", issued_at: String(now), expires_in: String(this.tokenTtlSeconds) });
  }

  private list(url: URL): Response {
    const start = positive(url.searchParams.get("start")) ?? 0;
    const end = positive(url.searchParams.get("end"));
    if (end !== null && end < start) return detail(400, "end must not be less than start.");
    const limit = Math.min(100, positive(url.searchParams.get("limit")) ?? 10);
    return json(this.board.list(start, end, limit));
  }
}

/** "If set to a value other than a positive integer, will be ignored." */
function positive(v: string | null): number | null {
  if (v === null || !/^\d+$/.test(v)) return null;
  const n = Number(v);
  return n > 0 && Number.isSafeInteger(n) ? n : null;
}

function outcome(o: { status: number; body: unknown }): Response {
  return json(o.body, o.status);
}
