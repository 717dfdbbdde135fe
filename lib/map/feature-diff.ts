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
  /**
   * When to re-send a point that moved (default: any move). The map passes `movedOnScreen`: a
   * camera that moved less than half a pixel at the current zoom, or whose old and new positions
   * are both off screen, keeps its sent position until it has moved enough or comes into view, so
   * 5,000 cameras reporting every second re-send only what the eye could see move.
   */
  moved?: (from: Point, to: Point) => boolean;
}

const DEFAULTS: Required<Omit<DiffOptions, "moved">> = { replaceShare: 0.5, replaceMin: 64 };

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
  const moved = options.moved ?? ((a: Point, b: Point) => !sameGeometry(a, b));
  const nextSent = new Map<string, Feature<Point, P>>();
  const add: Feature<Point>[] = [];
  const update: PointUpdate[] = [];
  let movedCount = 0;
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
      if (moved(before.geometry, f.geometry)) {
        u.newGeometry = f.geometry;
        movedCount += 1;
      } else {
        // Held where it was sent: the next comparison starts from there, so small moves add up.
        nextSent.set(id, { ...f, geometry: before.geometry });
      }
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
  return { update: { kind: "diff", diff, moved: movedCount, restyled }, sent: nextSent };
}

/** MapLibre's updateData needs every feature of the source to carry an id, including the first setData. */
function withIds<P extends Props>(fc: FeatureCollection<Point, P>): FeatureCollection<Point, P> {
  if (fc.features.every((f) => f.id !== undefined)) return fc;
  return { ...fc, features: fc.features.map((f) => (f.id !== undefined ? f : { ...f, id: idOf(f) })) };
}

export interface ScreenView {
  zoom: number;
  /** [west, south, east, north] of what is on screen. */
  bounds: [number, number, number, number];
  /** Tile size in px (MapLibre: 512). */
  tileSize?: number;
}

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);

/**
 * A `moved` rule for diffPoints: re-send a point when it moved at least `minPx` pixels at this zoom
 * and either end of the move is on screen (with a margin of a quarter of the view each side).
 */
export function movedOnScreen(view: ScreenView, minPx = 0.5): (from: Point, to: Point) => boolean {
  const worldPx = (view.tileSize ?? 512) * 2 ** view.zoom;
  const [w, s, e, n] = view.bounds;
  const mx = (e - w) / 4;
  const my = (n - s) / 4;
  const inView = ([lng, lat]: number[]) =>
    (lng as number) >= w - mx && (lng as number) <= e + mx && (lat as number) >= s - my && (lat as number) <= n + my;
  return (from, to) => {
    const [x0, y0] = from.coordinates as [number, number];
    const [x1, y1] = to.coordinates as [number, number];
    const dx = (Math.abs(x1 - x0) / 360) * worldPx;
    const dy = Math.abs(mercatorY(y1) - mercatorY(y0)) * worldPx;
    if (dx < minPx && dy < minPx) return false;
    return inView(from.coordinates) || inView(to.coordinates);
  };
}
