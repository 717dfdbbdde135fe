/**
 * What one simulated 911 call is: who, how, where and when. A plan is decided entirely by the seed
 * and the call's place in the schedule; records are derived from it later.
 */
import { CALLER_ROUTES, type CallKind, type CallerRoute } from "./caller-routes";
import { FIRST_NAMES, LAST_NAMES } from "./names";
import { Rng } from "./rng";

export type ConfidencePdf = "normal" | "rectangular" | "unknown";

export interface UncertaintyProfile {
  /** `uncertainty_confidence` as sent; null when the source does not report one. */
  confidence: number | null;
  pdf: ConfidencePdf | null;
  radiusM: readonly [number, number];
  methods: readonly string[];
}

/** The initial call of each kind uses the first profile; later calls pick from the list. */
export const PROFILES: Record<CallKind, readonly UncertaintyProfile[]> = {
  walking: [
    { confidence: 90, pdf: "normal", radiusM: [8, 30], methods: ["gps", "hybrid"] },
    { confidence: 95, pdf: "unknown", radiusM: [10, 40], methods: ["gps", "hybrid"] },
    { confidence: 95, pdf: "rectangular", radiusM: [10, 35], methods: ["gps", "wifi"] },
  ],
  driving: [
    { confidence: 68, pdf: "normal", radiusM: [15, 60], methods: ["gps"] },
    { confidence: 95, pdf: "rectangular", radiusM: [20, 80], methods: ["gps", "hybrid"] },
    { confidence: 90, pdf: "normal", radiusM: [15, 50], methods: ["gps"] },
  ],
  text: [
    { confidence: null, pdf: null, radiusM: [40, 150], methods: ["cell", "wifi"] },
    { confidence: 95, pdf: "unknown", radiusM: [50, 150], methods: ["cell", "wifi"] },
  ],
};

/** Planned call length in ms, by kind (the seed picks within the range). */
const DURATION_MS: Record<CallKind, readonly [number, number]> = {
  walking: [11 * 60_000, 13.5 * 60_000],
  driving: [8 * 60_000, 10 * 60_000],
  text: [14 * 60_000, 16.5 * 60_000],
};

const APPLICATIONS = ["Android ELS", "Apple EED"] as const;

export type CallOrigin = "initial" | "scheduled" | "manual";

export interface CallPlan {
  /** Unique within a scenario: "initial-0", "scheduled-12", "manual-3". */
  id: string;
  origin: CallOrigin;
  phone: string;
  kind: CallKind;
  /** call_start_time (UNIX ms). */
  start: number;
  /** When the call would end if nobody ends it early (UNIX ms). */
  plannedEnd: number;
  route: CallerRoute;
  speedMps: number;
  /** Phase of the speed wobble, so two callers on one route do not move in lockstep. */
  speedPhase: number;
  profile: UncertaintyProfile;
  callerName: string | null;
  application: string | null;
  /** Whether the phone reports altitude (not all phones can, says RapidSOS LEI 1.5). */
  reportsAltitude: boolean;
}

export interface PlanChoices {
  id: string;
  origin: CallOrigin;
  phone: string;
  kind: CallKind;
  start: number;
  /** Index into the kind's routes/profiles; undefined lets the seed choose. */
  routeIndex?: number;
  profileIndex?: number;
}

export function makeCallPlan(seed: number, c: PlanChoices): CallPlan {
  const rng = new Rng(seed, "call-plan", c.id);
  const routes = CALLER_ROUTES[c.kind];
  const profiles = PROFILES[c.kind];
  const route = routes[(c.routeIndex ?? rng.int(0, routes.length - 1)) % routes.length] as CallerRoute;
  const profile = profiles[(c.profileIndex ?? rng.int(0, profiles.length - 1)) % profiles.length] as UncertaintyProfile;
  const [dMin, dMax] = DURATION_MS[c.kind];
  const named = rng.chance(c.kind === "text" ? 0.2 : 0.6);
  const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  const application = rng.chance(0.15) ? null : rng.pick(APPLICATIONS);
  return {
    id: c.id,
    origin: c.origin,
    phone: c.phone,
    kind: c.kind,
    start: c.start,
    plannedEnd: c.start + Math.round(rng.range(dMin, dMax)),
    route,
    speedMps: rng.range(route.speedMps[0], route.speedMps[1]),
    speedPhase: rng.range(0, 2 * Math.PI),
    profile,
    callerName: named ? name : null,
    application,
    reportsAltitude: c.kind === "walking" ? rng.chance(0.7) : c.kind === "driving" ? rng.chance(0.3) : false,
  };
}
