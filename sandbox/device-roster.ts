/**
 * The 48 body cameras: who wears them, what they are, where they patrol. The layout (how many on
 * which loop, which are docked or offline) is fixed so several officers are always near each
 * initial caller; names, badges, ids, serials and models come from the seed.
 */
import { FIRST_NAMES, LAST_NAMES } from "./names";
import { loopById, type PatrolLoop } from "./patrols";
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

export const DEVICE_COUNT = LAYOUT.length;

function serialFor(seed: number, index: number, model: DeviceModel): string {
  const n = hash32(seed, "serial", index);
  return model === "AXON_BODY_4"
    ? `D01A${String(n % 100_000).padStart(5, "0")}`
    : `X79${String(n % 1_000_000).padStart(6, "0")}`;
}

export function buildRoster(seed: number): DeviceDef[] {
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
      officer: assigned,
      partner: slot.partner && assigned ? officer() : null,
      signalBase: rng.int(2, 4),
      recordingAtStart: slot.recordingAtStart === true,
    };
  });
}
