import fs from "node:fs";
import path from "node:path";
import { VectorTile } from "@mapbox/vector-tile";
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";
import { PbfReader } from "pbf";
import { PMTiles } from "pmtiles";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeGlyphRange } from "./basemap-glyphs.mjs";
import { ARCHIVE_FILE, FONTSTACKS, LAYER_FILES, build } from "./build-basemap.mjs";

const publicDir = path.resolve(__dirname, "../public");
const PITTSBURGH: Position = [-79.9959, 40.4406];
const POINT_STATE_PARK: Position = [-80.0134, 40.4417];

const read = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(publicDir, "basemap", `${name}.json`), "utf8")) as FeatureCollection;

const km = (a: Position, b: Position) =>
  Math.hypot((a[0]! - b[0]!) * 111.32 * Math.cos((b[1]! * Math.PI) / 180), (a[1]! - b[1]!) * 110.57);

function positions(g: Geometry): Position[] {
  const out: Position[] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number") out.push(c as Position);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  if ("coordinates" in g) walk(g.coordinates);
  return out;
}

function ringContains(ring: Position[], [x, y]: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > y! !== yj! > y! && x! < ((xj! - xi!) * (y! - yi!)) / (yj! - yi!) + xi!) inside = !inside;
  }
  return inside;
}

function covers(f: Feature, p: Position): boolean {
  const g = f.geometry;
  const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  return polys.some((rings) => ringContains(rings[0]!, p) && !rings.slice(1).some((h) => ringContains(h, p)));
}

/** Distance in km from p to the nearest line segment (or point) of the features. */
function nearest(features: Feature[], p: Position): number {
  const kx = 111.32 * Math.cos((p[1]! * Math.PI) / 180);
  const toKm = (q: Position) => [(q[0]! - p[0]!) * kx, (q[1]! - p[1]!) * 110.57] as const;
  let best = Infinity;
  const lines = (g: Geometry): Position[][] =>
    g.type === "LineString" ? [g.coordinates]
    : g.type === "MultiLineString" || g.type === "Polygon" ? g.coordinates
    : g.type === "MultiPolygon" ? g.coordinates.flat()
    : [positions(g)];
  for (const f of features) {
    for (const line of lines(f.geometry)) {
      for (let i = 0; i < line.length; i++) {
        const [ax, ay] = toKm(line[i]!);
        const [bx, by] = i + 1 < line.length ? toKm(line[i + 1]!) : [ax, ay];
        const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * (bx - ax) + ay * (by - ay)) / len2));
        best = Math.min(best, Math.hypot(ax + t * (bx - ax), ay + t * (by - ay)));
      }
    }
  }
  return best;
}

/** The built archive, read by byte ranges as the browser reads it. */
function archive(): PMTiles {
  const bytes = fs.readFileSync(path.join(publicDir, ARCHIVE_FILE));
  return new PMTiles({
    getKey: () => ARCHIVE_FILE,
    getBytes: async (offset, length) => ({
      data: bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + length) as ArrayBuffer,
    }),
  });
}

/** The tile at zoom z that holds p, decoded to GeoJSON features per source layer. */
async function tileAt(z: number, [lon, lat]: Position): Promise<Record<string, Feature[]>> {
  const n = 2 ** z;
  const x = Math.floor(((lon! + 180) / 360) * n);
  const rad = (lat! * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  const tile = await archive().getZxy(z, x, y);
  if (!tile) throw new Error(`no tile ${z}/${x}/${y}`);
  const vt = new VectorTile(new PbfReader(new Uint8Array(tile.data)));
  const out: Record<string, Feature[]> = {};
  for (const [name, layer] of Object.entries(vt.layers)) {
    out[name] = Array.from({ length: layer.length }, (_, i) => layer.feature(i).toGeoJSON(x, y, z) as Feature);
  }
  return out;
}

const kinds = (features: Feature[] | undefined) => new Set((features ?? []).map((f) => f.properties?.kind));

beforeAll(async () => {
  // Cheap when `npm run build` already made the output; otherwise builds it (~10–15 s).
  await build({ log: () => undefined });
}, 120_000);

describe("offline basemap build output", () => {
  it("writes every layer file and a manifest with sources and sizes", () => {
    for (const name of LAYER_FILES) expect(fs.existsSync(path.join(publicDir, "basemap", `${name}.json`))).toBe(true);
    const manifest = JSON.parse(fs.readFileSync(path.join(publicDir, "basemap", "manifest.json"), "utf8"));
    expect(manifest.sources.length).toBeGreaterThanOrEqual(4);
    for (const s of manifest.sources) expect(s.licence).toBeTruthy();
    // "A few MB": the four GeoJSON files stay well under 8 MB.
    const data = LAYER_FILES.reduce((sum, n) => sum + manifest.files[`basemap/${n}.json`], 0);
    expect(data).toBeLessThan(8_000_000);
  });

  it("has land under Pittsburgh and water (Lake Erie, the three rivers) around it", () => {
    const land = read("land").features;
    expect(land.some((f) => covers(f, PITTSBURGH))).toBe(true);
    const water = read("water").features;
    const lakes = water.filter((f) => f.properties?.kind === "lake");
    expect(lakes.some((f) => covers(f, [-81.5, 42.2]))).toBe(true);
    const rivers = water.filter((f) => f.properties?.kind === "river");
    // The rivers meet at the Point; the rebuilt network is approximate, so allow a few hundred metres.
    expect(nearest(rivers, POINT_STATE_PARK)).toBeLessThan(0.5);
    expect(nearest(rivers, [-79.9654, 40.4285])).toBeLessThan(0.5); // Monongahela, Hot Metal Bridge
    expect(nearest(rivers, [-80.0318, 40.453])).toBeLessThan(0.5); // Ohio, West End Bridge
  });

  it("has state and county lines near Pittsburgh", () => {
    const lines = read("boundaries").features;
    const of = (kind: string) => lines.filter((f) => f.properties?.kind === kind);
    // Pennsylvania–Ohio line at -80.52; Allegheny–Butler county line north of Pittsburgh.
    expect(nearest(of("state"), [-80.519, 40.6])).toBeLessThan(2);
    expect(nearest(of("county"), [-79.95, 40.675])).toBeLessThan(5);
    expect(nearest(of("country"), [-79.0, 43.0])).toBeLessThan(30); // Niagara
  });

  it("names places, counties and states, with small towns around Pittsburgh", () => {
    const places = read("places").features;
    const named = (kind: string, name: string) =>
      places.find((f) => f.properties?.kind === kind && f.properties?.name === name);
    const pittsburgh = named("place", "Pittsburgh");
    expect(pittsburgh && km(positions(pittsburgh.geometry)[0]!, PITTSBURGH)).toBeLessThan(3);
    expect(pittsburgh?.properties?.pop).toBeGreaterThan(250_000);
    expect(named("county", "Allegheny")).toBeDefined();
    expect(named("state", "Pennsylvania")).toBeDefined();
    const within10km = places.filter(
      (f) => f.properties?.kind === "place" && km(positions(f.geometry)[0]!, PITTSBURGH) < 10,
    );
    expect(within10km.length).toBeGreaterThanOrEqual(25);
    expect(within10km.some((f) => (f.properties?.pop as number) < 5_000)).toBe(true);
  });

  it("cuts the layers into one PMTiles archive of vector tiles, z0–10, that holds Pittsburgh where it is", async () => {
    const header = await archive().getHeader();
    expect(header).toMatchObject({ specVersion: 3, minZoom: 0, maxZoom: 10, tileType: 1, tileCompression: 2 });
    const manifest = JSON.parse(fs.readFileSync(path.join(publicDir, "basemap", "manifest.json"), "utf8"));
    expect(manifest.files[ARCHIVE_FILE]).toBe(fs.statSync(path.join(publicDir, ARCHIVE_FILE)).size);

    const tile = await tileAt(10, PITTSBURGH);
    expect(Object.keys(tile).sort()).toEqual([...LAYER_FILES].sort());
    expect(tile.land!.some((f) => covers(f, PITTSBURGH))).toBe(true);
    expect(kinds(tile.water)).toContain("river");
    expect(nearest(tile.water!.filter((f) => f.properties?.kind === "river"), POINT_STATE_PARK)).toBeLessThan(0.5);
    const pittsburgh = tile.places!.find((f) => f.properties?.name === "Pittsburgh");
    // A z10 tile unit is a few metres: the label point is where the GeoJSON put it.
    expect(pittsburgh && km(positions(pittsburgh.geometry)[0]!, PITTSBURGH)).toBeLessThan(3);
    expect(tile.places!.some((f) => f.properties?.kind === "place" && (f.properties?.pop as number) < 5_000)).toBe(true);
  });

  it("leaves out of zoomed-out tiles what the map does not show there: small towns, rivers, county lines", async () => {
    const z3 = await tileAt(3, PITTSBURGH);
    expect(kinds(z3.water)).not.toContain("river");
    expect(kinds(z3.boundaries)).toEqual(new Set(["country", "state"]));
    expect(kinds(z3.places)).not.toContain("county");
    expect(z3.places!.every((f) => (f.properties?.minzoom as number) <= 3)).toBe(true);
    expect(z3.places!.some((f) => f.properties?.name === "Pennsylvania")).toBe(true);
    // Shown from their zoom on: rivers from z5, county lines from z6, every place by z10.
    expect(kinds((await tileAt(5, PITTSBURGH)).water)).toContain("river");
    expect(kinds((await tileAt(6, PITTSBURGH)).boundaries)).toContain("county");
  });

  it("writes every BMP range, empty where the font is not rendered, so no glyph request 404s", () => {
    for (const stack of Object.keys(FONTSTACKS)) {
      const files = fs.readdirSync(path.join(publicDir, "glyphs", stack));
      expect(files).toHaveLength(256);
      const braille = fs.readFileSync(path.join(publicDir, "glyphs", stack, "10240-10495.pbf"));
      expect(decodeGlyphRange(braille)[0]).toMatchObject({ name: stack, range: "10240-10495", glyphs: [] });
    }
  });

  it("writes glyph ranges MapLibre can decode for every character the labels use", () => {
    const places = read("places").features;
    const chars = new Set(places.flatMap((f) => [...String(f.properties?.name)]));
    for (const stack of Object.keys(FONTSTACKS)) {
      const ranges = new Map<number, Set<number>>();
      for (const start of [0, 256, 512, 8192]) {
        const file = path.join(publicDir, "glyphs", stack, `${start}-${start + 255}.pbf`);
        const [decoded] = decodeGlyphRange(fs.readFileSync(file));
        expect(decoded?.name).toBe(stack);
        expect(decoded?.range).toBe(`${start}-${start + 255}`);
        ranges.set(start, new Set(decoded!.glyphs.map((g) => g.id)));
      }
      for (const ch of chars) {
        const cp = ch.codePointAt(0)!;
        const start = Math.floor(cp / 256) * 256;
        const ids =
          ranges.get(start) ??
          new Set(
            decodeGlyphRange(fs.readFileSync(path.join(publicDir, "glyphs", stack, `${start}-${start + 255}.pbf`)))[0]!
              .glyphs.map((g) => g.id),
          );
        expect(ids.has(cp), `${stack} lacks ${ch} (U+${cp.toString(16)})`).toBe(true);
      }
    }
  });
});
