/**
 * Lakes and rivers for the offline basemap, from OpenStreetMap water areas as packaged by
 * `@geo-maps/earth-lakes-1km` and `@geo-maps/earth-rivers-100m` (© OpenStreetMap contributors, ODbL).
 *
 * The packaged river areas were simplified polygon by polygon, which broke long, narrow rivers into
 * a string of separate fragments (an Ohio River made of triangles with gaps of a kilometre or more). Drawn
 * as they are, rivers look like dotted lines. So we rebuild a river network from them: each fragment
 * becomes a node at its centroid, nodes are joined by a minimum spanning tree over gaps shorter than
 * MAX_GAP_KM, chains of that tree become lines, and the lines are smoothed. The result follows the
 * real rivers to within a few hundred metres: good for orientation, not for surveying. An agency
 * that needs exact water or streets drops in a PMTiles extract (see the README).
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import {
  US_REGIONS,
  boxesOverlap,
  coordsBox,
  distanceKm,
  feature,
  inUs,
  ringAreaKm2,
  roundGeometry,
  simplifyGeometry,
} from "./basemap-geometry.mjs";

const require = createRequire(import.meta.url);

const MIN_LAKE_KM2 = 3;
const MAX_GAP_KM = 3;
const MIN_RIVER_KM = 5;
const SPUR_KM = 2;

function readPolygons(pkg) {
  const file = require.resolve(`${pkg}/map.geo.json`);
  /** @type {{ geometries: Array<{ type: string, coordinates: number[][][][] }> }} */
  const collection = JSON.parse(fs.readFileSync(file, "utf8"));
  const polygons = [];
  for (const g of collection.geometries) {
    if (g.type !== "MultiPolygon") continue;
    for (const p of g.coordinates) polygons.push(p);
  }
  return polygons;
}

const inUsBox = (rings) => US_REGIONS.some((b) => boxesOverlap(coordsBox(rings[0]), b));

/** Lakes of MIN_LAKE_KM2 or more as one MultiPolygon (per-feature JSON would double the size). */
export function buildLakes() {
  const polygons = [];
  for (const rings of readPolygons("@geo-maps/earth-lakes-1km")) {
    if (!inUsBox(rings) || ringAreaKm2(rings[0]) < MIN_LAKE_KM2) continue;
    const simplified = simplifyGeometry({ type: "Polygon", coordinates: rings }, 0.001);
    const g = simplified && roundGeometry(simplified, 3);
    if (g?.type === "Polygon") polygons.push(g.coordinates);
  }
  return [feature({ type: "MultiPolygon", coordinates: polygons }, { kind: "lake" })];
}

function centroid(ring) {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const f = ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    a += f;
    cx += (ring[i][0] + ring[i + 1][0]) * f;
    cy += (ring[i][1] + ring[i + 1][1]) * f;
  }
  if (Math.abs(a) < 1e-12) return ring[0];
  return [cx / (3 * a), cy / (3 * a)];
}

/** Shortest vertex-to-vertex gap between two fragments, in km. */
function gapKm(a, b) {
  let best = Infinity;
  for (const p of a) for (const q of b) best = Math.min(best, distanceKm(p, q));
  return best;
}

/** Chaikin corner cutting: rounds the zig-zag of centroid-to-centroid lines into river curves. */
function chaikin(points) {
  if (points.length < 3) return points;
  const out = [points[0]];
  for (let i = 0; i < points.length - 1; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[i + 1];
    out.push([0.75 * ax + 0.25 * bx, 0.75 * ay + 0.25 * by], [0.25 * ax + 0.75 * bx, 0.25 * ay + 0.75 * by]);
  }
  out.push(points[points.length - 1]);
  return out;
}

function spanningTree(nodes) {
  // Grid hash so each fragment only meets its neighbours (tens of thousands of fragments).
  const cell = 0.02; // degrees
  const grid = new Map();
  nodes.forEach((n, i) => {
    const key = `${Math.floor(n.c[0] / cell)},${Math.floor(n.c[1] / cell)}`;
    const list = grid.get(key);
    if (list) list.push(i);
    else grid.set(key, [i]);
  });
  const edges = new Map();
  nodes.forEach((n, i) => {
    // Searched from the larger fragment of a pair: centroids are then at most 2r + gap apart.
    // Capped so a reservoir tens of km long does not scan thousands of cells.
    const reachKm = Math.min(2 * n.radiusKm + MAX_GAP_KM, 25);
    const kx = 111.32 * Math.cos((n.c[1] * Math.PI) / 180);
    const rx = Math.ceil(reachKm / kx / cell);
    const ry = Math.ceil(reachKm / 110.57 / cell);
    const gx = Math.floor(n.c[0] / cell);
    const gy = Math.floor(n.c[1] / cell);
    for (let dx = -rx; dx <= rx; dx++) {
      for (let dy = -ry; dy <= ry; dy++) {
        for (const j of grid.get(`${gx + dx},${gy + dy}`) ?? []) {
          const m = nodes[j];
          if (j === i || m.radiusKm > n.radiusKm || (m.radiusKm === n.radiusKm && j < i)) continue;
          if (distanceKm(n.c, m.c) - n.radiusKm - m.radiusKm > MAX_GAP_KM) continue;
          const w = gapKm(n.ring, m.ring);
          if (w <= MAX_GAP_KM) edges.set(i < j ? `${i},${j}` : `${j},${i}`, [w, i, j]);
        }
      }
    }
  });
  const sorted = [...edges.values()];
  sorted.sort((a, b) => a[0] - b[0]);
  const parent = nodes.map((_, i) => i);
  const find = (x) => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const adjacency = nodes.map(() => []);
  for (const [, i, j] of sorted) {
    const a = find(i);
    const b = find(j);
    if (a === b) continue;
    parent[a] = b;
    adjacency[i].push(j);
    adjacency[j].push(i);
  }
  return adjacency;
}

/** Split the tree into chains that run between junctions and ends. */
function chains(adjacency) {
  const seen = new Set();
  const key = (a, b) => (a < b ? `${a}-${b}` : `${b}-${a}`);
  const out = [];
  const walk = (start, next) => {
    const chain = [start, next];
    seen.add(key(start, next));
    let prev = start;
    let cur = next;
    while (adjacency[cur].length === 2) {
      const nx = adjacency[cur][0] === prev ? adjacency[cur][1] : adjacency[cur][0];
      if (seen.has(key(cur, nx))) break;
      seen.add(key(cur, nx));
      chain.push(nx);
      prev = cur;
      cur = nx;
    }
    return chain;
  };
  adjacency.forEach((neighbours, i) => {
    if (neighbours.length === 2) return;
    for (const j of neighbours) if (!seen.has(key(i, j))) out.push(walk(i, j));
  });
  return out;
}

/**
 * Cut short side branches: fragments lying beside a river hang off the tree as stubs a few hundred
 * metres long, which read as noise and cost bytes. Two passes, since cutting merges chains.
 */
function pruneSpurs(adjacency, nodes) {
  for (let pass = 0; pass < 2; pass++) {
    for (const chain of chains(adjacency)) {
      const a = chain[0];
      const b = chain[chain.length - 1];
      const leafAtA = adjacency[a].length === 1 && adjacency[b].length >= 3;
      const leafAtB = adjacency[b].length === 1 && adjacency[a].length >= 3;
      if (!leafAtA && !leafAtB) continue;
      if (lineKm(chain.map((i) => nodes[i].c)) >= SPUR_KM) continue;
      for (let k = 0; k < chain.length - 1; k++) {
        const [u, v] = [chain[k], chain[k + 1]];
        adjacency[u] = adjacency[u].filter((x) => x !== v);
        adjacency[v] = adjacency[v].filter((x) => x !== u);
      }
    }
  }
}

function lineKm(points) {
  let km = 0;
  for (let i = 1; i < points.length; i++) km += distanceKm(points[i - 1], points[i]);
  return km;
}

export function buildRivers() {
  const nodes = [];
  for (const rings of readPolygons("@geo-maps/earth-rivers-100m")) {
    const ring = rings[0];
    const c = centroid(ring);
    if (!inUs(c)) continue;
    let radiusKm = 0;
    for (const p of ring) radiusKm = Math.max(radiusKm, distanceKm(c, p));
    nodes.push({ c, ring, radiusKm });
  }
  const adjacency = spanningTree(nodes);
  pruneSpurs(adjacency, nodes);
  const lines = [];
  for (const chain of chains(adjacency)) {
    const points = chain.map((i) => nodes[i].c);
    const smooth = chaikin(chaikin(points));
    if (lineKm(smooth) < MIN_RIVER_KM) continue;
    const simplified = simplifyGeometry({ type: "LineString", coordinates: smooth }, 0.001);
    const g = roundGeometry(simplified, 4);
    if (g) lines.push(g.coordinates);
  }
  // From z5: zoomed further out the rivers are a scribble over the land (the tiles leave them out).
  return [feature({ type: "MultiLineString", coordinates: lines }, { kind: "river", minzoom: 5 })];
}
