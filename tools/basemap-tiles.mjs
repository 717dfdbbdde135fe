/**
 * Cuts the basemap's GeoJSON layers into vector tiles at build time, so a console's browser only
 * decodes the few small tiles it shows. Before, every console load fetched ~5 MB of GeoJSON and
 * sliced it in MapLibre's worker: about 7 s of CPU per load on a software-rendered console.
 *
 * The slicer is the one MapLibre runs in the browser for a GeoJSON source (@maplibre/geojson-vt),
 * with the same simplification, so the map looks as it did. Tiles are Mapbox Vector Tiles
 * (@maplibre/vt-pbf), one source layer per GeoJSON layer, gzipped, packed into one PMTiles archive
 * (basemap-pmtiles.mjs).
 *
 * A feature with a `minzoom` property (place names) is left out of tiles below that zoom, as
 * tippecanoe does: a zoomed-out tile of the whole country carries its large cities, not its
 * 20,000 towns. Beyond the archive's top zoom MapLibre draws the top tiles enlarged.
 */
import zlib from "node:zlib";
import { GeoJSONVT } from "@maplibre/geojson-vt";
import { fromGeojsonVt } from "@maplibre/vt-pbf";
import { coordsBox } from "./basemap-geometry.mjs";
import { Compression, TileType, writePmtiles } from "./basemap-pmtiles.mjs";

/** The data is good to ~100 m; at z10 with this extent a tile unit is ~5 m (and ~4 px at z16). */
export const TILE_MAX_ZOOM = 10;
export const TILE_EXTENT = 8192;
/** As MapLibre's GeoJSON source (its `tolerance` 0.5 px at 512-px tiles), and a 32-px buffer. */
const TOLERANCE = (0.5 * TILE_EXTENT) / 512;
const BUFFER = (32 * TILE_EXTENT) / 512;

const visible = (z) => (f) => (f.tags?.minzoom ?? 0) <= z;

/**
 * @param {Record<string, import("geojson").FeatureCollection>} layers  source-layer name → features
 * @param {{ maxZoom?: number }} [options]
 * @returns {Array<{ z: number, x: number, y: number, data: Buffer }>} gzipped MVT, every tile that holds a feature
 */
export function cutTiles(layers, options = {}) {
  const maxZoom = options.maxZoom ?? TILE_MAX_ZOOM;
  const indexes = Object.entries(layers).map(([name, fc]) => [
    name,
    new GeoJSONVT(fc, { maxZoom, indexMaxZoom: 0, tolerance: TOLERANCE, extent: TILE_EXTENT, buffer: BUFFER }),
  ]);
  const tiles = [];
  const visit = (z, x, y) => {
    const here = {};
    let any = false;
    for (const [name, index] of indexes) {
      const tile = index.getTile(z, x, y);
      if (!tile || tile.features.length === 0) continue;
      any = true;
      const features = tile.features.filter(visible(z));
      if (features.length > 0) here[name] = { ...tile, features };
    }
    // Nothing here means nothing in any child either; features hidden at this zoom may show deeper.
    if (!any) return;
    if (Object.keys(here).length > 0) {
      const mvt = fromGeojsonVt(here, { version: 2, extent: TILE_EXTENT });
      tiles.push({ z, x, y, data: zlib.gzipSync(mvt, { level: 9 }) });
    }
    if (z < maxZoom) {
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) visit(z + 1, x * 2 + dx, y * 2 + dy);
    }
  };
  visit(0, 0, 0);
  return tiles;
}

/** The layers' bounding box [west, south, east, north], for the archive's header. */
function boundsOf(layers) {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const fc of Object.values(layers)) for (const f of fc.features) coordsBox(f.geometry.coordinates, box);
  return box;
}

/**
 * The whole basemap as one PMTiles archive.
 * @param {Record<string, import("geojson").FeatureCollection>} layers
 * @param {{ center: [number, number, number], maxZoom?: number }} options
 */
export function buildArchive(layers, options) {
  const tiles = cutTiles(layers, options);
  const fields = (fc) => {
    const out = {};
    for (const f of fc.features) {
      for (const [k, v] of Object.entries(f.properties ?? {})) out[k] = typeof v === "number" ? "Number" : "String";
    }
    return out;
  };
  return writePmtiles(tiles, {
    metadata: {
      // The attribution stays with the style's source (lib/map/basemap-style.ts), which the map shows.
      name: "Dispatcher Map offline basemap",
      vector_layers: Object.entries(layers).map(([id, fc]) => ({ id, fields: fields(fc) })),
    },
    bounds: boundsOf(layers),
    center: options.center,
    tileCompression: Compression.Gzip,
    tileType: TileType.Mvt,
  });
}
