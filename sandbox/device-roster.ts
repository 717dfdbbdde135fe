/**
 * The body cameras: who wears them, what they are, where they patrol. The first 48 follow a fixed
 * layout (how many on which loop, which are docked or offline) so several officers are always near
 * each initial caller; names, badges, ids, serials and models come from the seed. A larger roster
 * (SANDBOX_DEVICES, up to 10,000) adds cameras spread over the county around the city, each decided
 * by (seed, index) alone, so camera #n is the same whatever the roster's size.
 */
import { offsetM, toLatLon, type Waypoint } from "./geo";
import { FIRST_NAMES, LAST_NAMES } from "./names";
import { loopById, stationById, type PatrolLoop, type Station } from "./patrols";
import { Rng, hash32, uuidFrom } from "./rng";

export type DeviceModel = "AXON_BODY_4" | "AXON_BODY_3";
export type DeviceRole = "patrol" | "docked" | "spare" | "offline";

export interface OfficerDef {
  firstName: string;
  lastName: string;
  badgeNumber: string;
  userId: string;
}

export interface DeviceDef {
  index: number;
  id: string;
  serial: string;
  model: DeviceModel;
  role: DeviceRole;
  loop: PatrolLoop;
  stationId: string;
  /** Where it docks. */
  station: Station;
  officer: OfficerDef | null;
  /** A field-training partner listed as a second, non-primary assignee. */
  partner: OfficerDef | null;
  /** 0 (NONE) … 4 (EXCELLENT): this device's usual signal. */
  signalBase: number;
  /** Recording at reset, so the demo opens with something happening near the callers. */
  recordingAtStart: boolean;
}

interface Slot {
  loop: string;
  role: DeviceRole;
  recordingAtStart?: boolean;
  unassigned?: boolean;
  partner?: boolean;
}

const patrol = (loop: string, extra: Partial<Slot> = {}): Slot => ({ loop, role: "patrol", ...extra });

/** 48 slots. Near the walking caller: 8; near the Parkway East: 6; near the Oakland texter: 6. */
const LAYOUT: readonly Slot[] = [
  patrol("downtown-market", { recordingAtStart: true }), patrol("downtown-market"), patrol("downtown-market", { partner: true }),
  patrol("downtown-point"), patrol("downtown-point"), patrol("downtown-point"),
  patrol("downtown-grid"), patrol("downtown-grid"),
  patrol("south-oakland", { recordingAtStart: true }), patrol("south-oakland"),
  patrol("greenfield"), patrol("greenfield"),
  patrol("squirrel-hill"), patrol("squirrel-hill"),
  patrol("oakland-campus", { recordingAtStart: true }), patrol("oakland-campus"), patrol("oakland-campus"),
  patrol("oakland-streets"), patrol("oakland-streets"), patrol("oakland-streets", { unassigned: true }),
  patrol("strip-district"), patrol("strip-district"), patrol("strip-district"),
  patrol("north-shore"), patrol("north-shore"), patrol("north-shore"),
  patrol("south-side"), patrol("south-side"), patrol("south-side"),
  patrol("hill-district"), patrol("hill-district"), patrol("hill-district"),
  patrol("lawrenceville"), patrol("lawrenceville"), patrol("lawrenceville"),
  patrol("shadyside"), patrol("shadyside"), patrol("shadyside"),
  // Docked at their stations at reset; they go on duty later.
  { loop: "downtown-grid", role: "docked" }, { loop: "squirrel-hill", role: "docked" },
  { loop: "oakland-streets", role: "docked" }, { loop: "north-shore", role: "docked" },
  { loop: "south-side", role: "docked" },
  // Pool cameras that stay in the dock, unassigned.
  { loop: "hill-district", role: "spare", unassigned: true }, { loop: "lawrenceville", role: "spare", unassigned: true },
  // Not heard from for hours.
  { loop: "strip-district", role: "offline" }, { loop: "shadyside", role: "offline", unassigned: true },
  { loop: "greenfield", role: "offline" },
];

/** The default roster: the fixed layout. */
export const DEVICE_COUNT = LAYOUT.length;
export const MAX_DEVICES = 10_000;

function serialFor(seed: number, index: number, model: DeviceModel): string {
  const n = hash32(seed, "serial", index);
  return model === "AXON_BODY_4"
    ? `D01A${String(n % 100_000).padStart(5, "0")}`
    : `X79${String(n % 1_000_000).padStart(6, "0")}`;
}

export function buildRoster(seed: number, count: number = DEVICE_COUNT): DeviceDef[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_DEVICES) throw new RangeError(`device count must be 1–${MAX_DEVICES}`);
  const fixed = buildFixedRoster(seed).slice(0, count);
  for (let index = fixed.length; index < count; index++) fixed.push(extraDevice(seed, index));
  return fixed;
}

function buildFixedRoster(seed: number): DeviceDef[] {
  const rng = new Rng(seed, "roster");
  const people = rng.shuffle(
    FIRST_NAMES.flatMap((first, i) => [{ first, last: LAST_NAMES[(i * 7 + hash32(seed, "pair", i)) % LAST_NAMES.length] as string }]),
  );
  const badges = rng.shuffle(Array.from({ length: 8000 }, (_, i) => 1000 + i)).slice(0, LAYOUT.length * 2);
  let nextPerson = 0;
  const officer = (): OfficerDef => {
    const p = people[nextPerson % people.length] as { first: string; last: string };
    const badge = badges[nextPerson] as number;
    nextPerson += 1;
    return { firstName: p.first, lastName: p.last, badgeNumber: String(badge), userId: uuidFrom(seed, "user", badge) };
  };
  return LAYOUT.map((slot, index) => {
    const model: DeviceModel = rng.chance(0.7) ? "AXON_BODY_4" : "AXON_BODY_3";
    const loop = loopById(slot.loop);
    const assigned = slot.unassigned ? null : officer();
    return {
      index,
      id: uuidFrom(seed, "device", index),
      serial: serialFor(seed, index, model),
      model,
      role: slot.role,
      loop,
      stationId: loop.stationId,
      station: stationById(loop.stationId),
      officer: assigned,
      partner: slot.partner && assigned ? officer() : null,
      signalBase: rng.int(2, 4),
      recordingAtStart: slot.recordingAtStart === true,
    };
  });
}

/** Cameras past the fixed layout patrol all over this box (Allegheny County, roughly). */
const COUNTY = { south: 40.25, north: 40.62, west: -80.3, east: -79.72 } as const;
/** Badges of the larger roster: 10000–99999, a permutation so no two officers share one. */
const BADGE_SPAN = 90_000;
const BADGE_STRIDE = 7919;

function extraDevice(seed: number, index: number): DeviceDef {
  const r = new Rng(seed, "roster-extra", index);
  const roleRoll = r.next();
  const role: DeviceRole = roleRoll < 0.06 ? "docked" : roleRoll < 0.08 ? "spare" : roleRoll < 0.11 ? "offline" : "patrol";
  const model: DeviceModel = r.chance(0.7) ? "AXON_BODY_4" : "AXON_BODY_3";
  const foot = r.chance(0.15);
  const center: Waypoint = [r.range(COUNTY.south, COUNTY.north), r.range(COUNTY.west, COUNTY.east)];
  const halfM = foot ? r.range(80, 250) : r.range(300, 1200);
  const c = toLatLon(center);
  const corner = (n: number, e: number): Waypoint => {
    const p = offsetM(c, n * halfM * r.range(0.6, 1), e * halfM * r.range(0.6, 1));
    return [round6(p.lat), round6(p.lon)];
  };
  const dock = offsetM(c, r.range(-3000, 3000), r.range(-3000, 3000));
  const station: Station = { id: `sub-${index}`, name: "Sandbox substation", at: [round6(dock.lat), round6(dock.lon)] };
  const loop: PatrolLoop = {
    id: `beat-${index}`,
    name: foot ? "County foot beat" : "County patrol loop",
    mode: foot ? "foot" : "vehicle",
    stationId: station.id,
    waypoints: [corner(1, 1), corner(-1, 1), corner(-1, -1), corner(1, -1)],
  };
  const person = (k: number): OfficerDef => {
    const badge = 10_000 + ((k * BADGE_STRIDE + hash32(seed, "badge-offset")) % BADGE_SPAN);
    return {
      firstName: FIRST_NAMES[hash32(seed, "first", k) % FIRST_NAMES.length] as string,
      lastName: LAST_NAMES[hash32(seed, "last", k) % LAST_NAMES.length] as string,
      badgeNumber: String(badge),
      userId: uuidFrom(seed, "user", badge),
    };
  };
  const assigned = role === "spare" || r.chance(0.04) ? null : person(2 * index);
  return {
    index,
    id: uuidFrom(seed, "device", index),
    serial: extraSerial(seed, index, model),
    model,
    role,
    loop,
    stationId: station.id,
    station,
    officer: assigned,
    partner: assigned && r.chance(0.03) ? person(2 * index + 1) : null,
    signalBase: r.int(1, 4),
    recordingAtStart: false,
  };
}

/** Like serialFor, but a permutation of the index, so 10,000 serials never collide. */
function extraSerial(seed: number, index: number, model: DeviceModel): string {
  const k = index * BADGE_STRIDE + hash32(seed, "serial-offset");
  return model === "AXON_BODY_4" ? `D01B${String(k % 100_000).padStart(5, "0")}` : `X80${String(k % 1_000_000).padStart(6, "0")}`;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
