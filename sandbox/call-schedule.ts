/**
 * The call schedule: three calls in progress at reset, then a new call about every four minutes
 * (kinds rotating), plus calls started or ended through the control API. Scheduled calls are
 * generated lazily in order and memoised; that is only a cache of a pure function of
 * (seed, scenario start, manual events), because manual events drop every not-yet-started call.
 */
import type { CallKind, CallerRoute } from "./caller-routes";
import { makeCallPlan, type CallPlan, type PlanChoices } from "./call-plan";
import { offsetM, toLatLon } from "./geo";
import { Rng } from "./rng";

/** LEI keeps serving a call's records this long after it ends (RapidSOS LEI 1.5: "~10-20 minutes"). */
export const SERVE_AFTER_END_MS = 10 * 60_000;
/** Records older than this are never served, even during a long call. */
export const RECORD_MAX_AGE_MS = 20 * 60_000;

/** Longer than any planned call plus the serving window, so older calls can be skipped. */
const LONGEST_SERVED_MS = 45 * 60_000;

export const INITIAL_PHONES = ["14125550101", "14125550102", "14125550103"] as const;
const KIND_ROTATION: readonly CallKind[] = ["walking", "driving", "text"];
/** Later calls take 412-555-0104 … 0199, skipping any number whose earlier records are still served. */
const POOL: readonly string[] = Array.from({ length: 96 }, (_, i) => `141255501${String(i + 4).padStart(2, "0")}`);

export const MAX_CALLERS = 300;
/**
 * With SANDBOX_CALLERS set, numbers come from the fictional 555-01XX block of twelve area codes
 * (Pennsylvania's and its neighbours'): 1,200 numbers, more than 300 live callers plus every number
 * whose records are still served.
 */
const SCALE_AREA_CODES = ["412", "724", "878", "814", "717", "570", "215", "267", "610", "484", "304", "330"] as const;
const SCALE_POOL: readonly string[] = SCALE_AREA_CODES.flatMap((npa) =>
  Array.from({ length: 100 }, (_, i) => `1${npa}55501${String(i).padStart(2, "0")}`),
).filter((p) => !(INITIAL_PHONES as readonly string[]).includes(p));
/** The mean planned call length (call-plan.ts), for the arrival rate that keeps N callers live. */
const MEAN_CALL_MS = 12 * 60_000;
/** Callers of a large scenario spread over the county around the city's routes. */
const SPREAD_M = 15_000;
export type CallStatus = "active" | "ended" | "expired";

export class CallSchedule {
  private readonly fixed: CallPlan[];
  private scheduled: CallPlan[] = [];
  private readonly endOverrides = new Map<string, number>();
  private manualCount = 0;
  private readonly pool: readonly string[];

  /**
   * `callers` (SANDBOX_CALLERS): how many calls are live at once. Unset keeps the small demo (three
   * at reset, one more about every four minutes); set, that many are live at reset and arrivals keep
   * about that many live, on numbers across the county, each call's route shifted to its own area.
   */
  constructor(
    readonly seed: number,
    readonly t0: number,
    readonly callers?: number,
  ) {
    if (callers !== undefined && (!Number.isInteger(callers) || callers < 1 || callers > MAX_CALLERS)) {
      throw new RangeError(`callers must be 1–${MAX_CALLERS}`);
    }
    this.pool = callers === undefined ? POOL : SCALE_POOL;
    const rng = new Rng(seed, "initial-calls");
    const ago = [rng.range(2.5, 4), rng.range(1.5, 3), rng.range(3, 6)];
    const initial = INITIAL_PHONES.slice(0, callers ?? INITIAL_PHONES.length);
    this.fixed = initial.map((phone, i) =>
      makeCallPlan(seed, {
        id: `initial-${i}`,
        origin: "initial",
        phone,
        kind: KIND_ROTATION[i] as CallKind,
        start: Math.round(t0 - (ago[i] as number) * 60_000),
        routeIndex: 0,
        profileIndex: 0,
      }),
    );
    for (let i = initial.length; i < (callers ?? 0); i++) {
      const r = new Rng(seed, "initial-extra", i);
      // Every planned call lasts at least 8 minutes, so one started up to 7 minutes ago is live.
      const start = Math.round(t0 - r.range(0.2, 7) * 60_000);
      this.fixed.push(this.plan({ id: `initial-${i}`, origin: "initial", phone: this.pool[i - initial.length] as string, kind: KIND_ROTATION[i % 3] as CallKind, start }));
    }
  }

  /** A call plan; in a large scenario its route is moved to somewhere in the county. */
  private plan(choices: PlanChoices): CallPlan {
    const plan = makeCallPlan(this.seed, choices);
    if (this.callers === undefined) return plan;
    const r = new Rng(this.seed, "spread", choices.id);
    return { ...plan, route: shifted(plan.route, r.range(-SPREAD_M, SPREAD_M), r.range(-SPREAD_M, SPREAD_M)) };
  }

  effectiveEnd(call: CallPlan): number {
    return Math.min(call.plannedEnd, this.endOverrides.get(call.id) ?? Infinity);
  }

  status(call: CallPlan, t: number): CallStatus {
    const end = this.effectiveEnd(call);
    if (t < end) return "active";
    return t < end + SERVE_AFTER_END_MS ? "ended" : "expired";
  }

  /** Every call that has started by `t`, oldest first. */
  startedBy(t: number): CallPlan[] {
    this.generateThrough(t);
    return [...this.fixed, ...this.scheduled].filter((c) => c.start <= t).sort((a, b) => a.start - b.start);
  }

  /** The call whose records LEI serves for `phone` at `t` (at most one, by construction). */
  servedCall(phone: string, t: number): CallPlan | null {
    this.generateThrough(t);
    for (const c of this.fixed) if (c.phone === phone && this.isServing(c, t)) return c;
    for (let i = this.scheduled.length - 1; i >= 0; i--) {
      const c = this.scheduled[i] as CallPlan;
      // Scheduled calls are in start order; none started this long ago can still be served.
      if (c.start < t - LONGEST_SERVED_MS) break;
      if (c.phone === phone && this.isServing(c, t)) return c;
    }
    return null;
  }

  isBusy(phone: string, t: number): boolean {
    return this.servedCall(phone, t) !== null;
  }

  /** Start a call now (control API). Throws when `phone` is still in use. */
  startManual(kind: CallKind, now: number, phone?: string): CallPlan {
    this.generateThrough(now);
    const chosen = phone ?? this.pool.find((p) => !this.isBusy(p, now));
    if (!chosen) throw new PhoneInUseError("every sandbox number is in use");
    if (this.isBusy(chosen, now)) {
      throw new PhoneInUseError(`${chosen} is still in use (a call is active or its records are still served).`);
    }
    this.manualCount += 1;
    const plan = this.plan({ id: `manual-${this.manualCount}`, origin: "manual", phone: chosen, kind, start: now });
    this.fixed.push(plan);
    this.dropUnstarted(now);
    return plan;
  }

  /** End the active call from `phone` now; null when no call from it is active. */
  endActive(phone: string, now: number): CallPlan | null {
    const call = this.servedCall(phone, now);
    if (!call || this.status(call, now) !== "active") return null;
    this.endOverrides.set(call.id, now);
    this.dropUnstarted(now);
    return call;
  }

  private isServing(c: CallPlan, t: number): boolean {
    return c.start <= t && t < this.effectiveEnd(c) + SERVE_AFTER_END_MS;
  }

  /** Calls planned after `now` were numbered without knowing about this event: plan them again. */
  private dropUnstarted(now: number): void {
    this.scheduled = this.scheduled.filter((c) => c.start <= now);
  }

  private generateThrough(t: number): void {
    for (;;) {
      const last = this.scheduled[this.scheduled.length - 1];
      if (last && last.start > t) return;
      this.scheduled.push(this.planScheduled(this.scheduled.length, last));
    }
  }

  private planScheduled(index: number, previous: CallPlan | undefined): CallPlan {
    const rng = new Rng(this.seed, "schedule", index);
    const pool = this.pool;
    let start: number;
    if (this.callers === undefined) {
      start = previous ? previous.start + Math.round(rng.range(3, 4.5) * 60_000) : this.t0 + Math.round(rng.range(60, 150) * 1000);
    } else {
      // Arrivals at the rate that replaces ending calls: N live callers, calls of ~12 minutes.
      const meanGap = MEAN_CALL_MS / Math.max(1, this.callers);
      start = (previous?.start ?? this.t0) + Math.max(1, Math.round(rng.range(0.5, 1.5) * meanGap));
    }
    const firstSlot = previous ? pool.indexOf(previous.phone) : this.callers === undefined ? -1 : Math.max(0, this.callers - INITIAL_PHONES.length) - 1;
    let phone = pool[(firstSlot + 1) % pool.length] as string;
    for (let step = 1; step <= pool.length; step++) {
      const candidate = pool[(firstSlot + step) % pool.length] as string;
      if (!this.busyBefore(candidate, start)) {
        phone = candidate;
        break;
      }
    }
    return this.plan({
      id: `scheduled-${index}`,
      origin: "scheduled",
      phone,
      kind: KIND_ROTATION[index % KIND_ROTATION.length] as CallKind,
      start,
    });
  }

  /** Busy at `t` counting only calls already planned (used while planning, so no recursion). */
  private busyBefore(phone: string, t: number): boolean {
    if (this.fixed.some((c) => c.phone === phone && this.isServing(c, t))) return true;
    for (let i = this.scheduled.length - 1; i >= 0; i--) {
      const c = this.scheduled[i] as CallPlan;
      if (c.start < t - LONGEST_SERVED_MS) break;
      if (c.phone === phone && this.isServing(c, t)) return true;
    }
    return false;
  }
}

function shifted(route: CallerRoute, northM: number, eastM: number): CallerRoute {
  return {
    ...route,
    id: `${route.id}@${Math.round(northM)},${Math.round(eastM)}`,
    waypoints: route.waypoints.map((w) => {
      const p = offsetM(toLatLon(w), northM, eastM);
      return [Math.round(p.lat * 1e6) / 1e6, Math.round(p.lon * 1e6) / 1e6] as const;
    }),
  };
}

export class PhoneInUseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PhoneInUseError";
  }
}
