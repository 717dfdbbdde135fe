/**
 * Incremental updates for a GeoJSON source of points with stable string ids (device ids, call ids).
 * The layer keeps what it last sent, compares the next feature list by id, and sends MapLibre only
 * what changed (`GeoJSONSource.updateData`): moved points get a new geometry, style-only changes
 * (status, selection, freshness) only their changed properties, and points that left the list are
 * removed. A whole new list (`setData`) is sent only the first time or when most of the set changed,
 * where one replacement is cheaper than thousands of adds and removes.
 *
 * The types mirror MapLibre's `GeoJSONSourceDiff` structurally, so this file needs no map.
 */
import type { Feature, FeatureCollection, Point } from "geojson";

type Value = string | number | boolean;
type Props = Record<string, Value>;

export interface PointUpdate {
  id: string;
  newGeometry?: Point;
  addOrUpdateProperties?: { key: string; value: Value }[];
  removeProperties?: string[];
}

export interface PointSourceDiff {
  remove?: string[];
  add?: Feature<Point>[];
  update?: PointUpdate[];
}

export type SourceUpdate<P extends Props> =
  | { kind: "none" }
  | { kind: "replace"; data: FeatureCollection<Point, P> }
  | { kind: "diff"; diff: PointSourceDiff; moved: number; restyled: number };

/** What was last sent, by id. */
export type SentPoints<P extends Props> = ReadonlyMap<string, Feature<Point, P>>;

export interface DiffOptions {
  /**
   * Replace the whole source when more than this share of the next set was added or removed (a
   * filter switched, a feed came back): thousands of single adds cost more than one replacement.
   */
  replaceShare?: number;
  /** …but never for fewer changes than this, so small sets still get diffs. */
  replaceMin?: number;
}

const DEFAULTS: Required<DiffOptions> = { replaceShare: 0.5, replaceMin: 64 };

function idOf<P extends Props>(f: Feature<Point, P>): string {
  const id = f.id ?? f.properties.id;
  if (typeof id !== "string" && typeof id !== "number") throw new Error("every point needs an id for incremental updates");
  return String(id);
}

const sameGeometry = (a: Point, b: Point) =>
  a.coordinates[0] === b.coordinates[0] && a.coordinates[1] === b.coordinates[1];

function changedProperties<P extends Props>(prev: P, next: P): { set: { key: string; value: Value }[]; removed: string[] } {
  const set: { key: string; value: Value }[] = [];
  const removed: string[] = [];
  for (const key in next) if (prev[key] !== next[key]) set.push({ key, value: next[key] as Value });
  for (const key in prev) if (!(key in next)) removed.push(key);
  return { set, removed };
}

/**
 * Compare the next features with what was sent. Returns the update to send and what will have been
 * sent once it is applied (features are kept by reference, never copied).
 */
export function diffPoints<P extends Props>(
  sent: SentPoints<P>,
  next: FeatureCollection<Point, P>,
  options: DiffOptions = {},
): { update: SourceUpdate<P>; sent: Map<string, Feature<Point, P>> } {
  const { replaceShare, replaceMin } = { ...DEFAULTS, ...options };
  const nextSent = new Map<string, Feature<Point, P>>();
  const add: Feature<Point>[] = [];
  const update: PointUpdate[] = [];
  let moved = 0;
  let restyled = 0;
  for (const f of next.features) {
    const id = idOf(f);
    nextSent.set(id, f);
    const before = sent.get(id);
    if (!before) {
      add.push(f.id === id ? f : { ...f, id });
      continue;
    }
    if (before === f) continue;
    const u: PointUpdate = { id };
    if (!sameGeometry(before.geometry, f.geometry)) {
      u.newGeometry = f.geometry;
      moved += 1;
    }
    const { set, removed } = changedProperties(before.properties, f.properties);
    if (set.length > 0) u.addOrUpdateProperties = set;
    if (removed.length > 0) u.removeProperties = removed;
    if (set.length > 0 || removed.length > 0) restyled += 1;
    if (u.newGeometry || u.addOrUpdateProperties || u.removeProperties) update.push(u);
  }
  const remove: string[] = [];
  for (const id of sent.keys()) if (!nextSent.has(id)) remove.push(id);

  if (nextSent.size !== next.features.length) throw new Error("point ids must be unique for incremental updates");
  const churn = add.length + remove.length;
  if (sent.size === 0 || (churn > replaceMin && churn > replaceShare * Math.max(1, nextSent.size))) {
    return { update: sent.size === 0 && nextSent.size === 0 ? { kind: "none" } : { kind: "replace", data: withIds(next) }, sent: nextSent };
  }
  if (churn === 0 && update.length === 0) return { update: { kind: "none" }, sent: nextSent };
  const diff: PointSourceDiff = {};
  if (remove.length > 0) diff.remove = remove;
  if (add.length > 0) diff.add = add;
  if (update.length > 0) diff.update = update;
  return { update: { kind: "diff", diff, moved, restyled }, sent: nextSent };
}

/** MapLibre's updateData needs every feature of the source to carry an id, including the first setData. */
function withIds<P extends Props>(fc: FeatureCollection<Point, P>): FeatureCollection<Point, P> {
  if (fc.features.every((f) => f.id !== undefined)) return fc;
  return { ...fc, features: fc.features.map((f) => (f.id !== undefined ? f : { ...f, id: idOf(f) })) };
}
