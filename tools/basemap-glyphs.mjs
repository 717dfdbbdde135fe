/**
 * MapLibre draws text only from signed-distance-field glyph PBFs, fetched per 256-codepoint range
 * from the style's `glyphs` URL. With no internet those must come from the app, so we render them
 * at build time from a font installed through npm (DejaVu, via opentype.js for the outlines).
 *
 * The output follows node-fontnik / sdf-glyph-foundry, which MapLibre's shaping is tuned for:
 * 24 px em, 3 px border, 8 px distance radius, edge at 0.75 (cutoff 0.25), `top` relative to a
 * fixed 25 px ascender. The distance is computed from the flattened vector outline, not from a
 * raster, so edges are exact rather than antialiasing-limited.
 */
import fs from "node:fs";
import path from "node:path";
import opentypeModule from "opentype.js";
import { PbfReader, PbfWriter } from "pbf";

const opentype = /** @type {typeof import("opentype.js")} */ (
  /** @type {unknown} */ (opentypeModule.default ?? opentypeModule)
);

export const GLYPH_SIZE = 24;
export const GLYPH_BUFFER = 3;
const RADIUS = 8;
const CUTOFF = 0.25;
// MapLibre's shaping assumes a baseline calibrated on a ~25 px ascender at 24 px (fontnik's choice).
const BASELINE_ASCENDER = 25;

/** Parse a TrueType/OpenType file into a font object we can render from. */
export function loadFont(file) {
  const bytes = fs.readFileSync(file);
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** Flatten a glyph's outline (font units, y up) into closed rings of pixel-space points. */
function outlineRings(glyph, scale) {
  const rings = [];
  let ring = [];
  let cx = 0;
  let cy = 0;
  const push = (x, y) => ring.push([x * scale, y * scale]);
  const steps = (...pts) => {
    let len = 0;
    for (let i = 1; i < pts.length; i++) {
      len += Math.hypot(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]);
    }
    return Math.min(16, Math.max(2, Math.ceil((len * scale) / 1.5)));
  };
  for (const c of glyph.path.commands) {
    if (c.type === "M") {
      if (ring.length > 1) rings.push(ring);
      ring = [];
      push(c.x, c.y);
      cx = c.x;
      cy = c.y;
    } else if (c.type === "L") {
      push(c.x, c.y);
      cx = c.x;
      cy = c.y;
    } else if (c.type === "Q") {
      const n = steps([cx, cy], [c.x1, c.y1], [c.x, c.y]);
      for (let i = 1; i <= n; i++) {
        const t = i / n;
        const u = 1 - t;
        push(u * u * cx + 2 * u * t * c.x1 + t * t * c.x, u * u * cy + 2 * u * t * c.y1 + t * t * c.y);
      }
      cx = c.x;
      cy = c.y;
    } else if (c.type === "C") {
      const n = steps([cx, cy], [c.x1, c.y1], [c.x2, c.y2], [c.x, c.y]);
      for (let i = 1; i <= n; i++) {
        const t = i / n;
        const u = 1 - t;
        const a = u * u * u;
        const b = 3 * u * u * t;
        const d = 3 * u * t * t;
        const e = t * t * t;
        push(a * cx + b * c.x1 + d * c.x2 + e * c.x, a * cy + b * c.y1 + d * c.y2 + e * c.y);
      }
      cx = c.x;
      cy = c.y;
    } else if (c.type === "Z") {
      if (ring.length > 1) rings.push(ring);
      ring = [];
    }
  }
  if (ring.length > 1) rings.push(ring);
  for (const r of rings) {
    const first = r[0];
    const last = r[r.length - 1];
    if (first[0] !== last[0] || first[1] !== last[1]) r.push([first[0], first[1]]);
  }
  return rings;
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** TrueType fills by the non-zero rule, so inside means a non-zero winding number. */
function winding(rings, px, py) {
  let w = 0;
  for (const r of rings) {
    for (let i = 0; i < r.length - 1; i++) {
      const [ax, ay] = r[i];
      const [bx, by] = r[i + 1];
      if (ay <= py) {
        if (by > py && (bx - ax) * (py - ay) - (px - ax) * (by - ay) > 0) w++;
      } else if (by <= py && (bx - ax) * (py - ay) - (px - ax) * (by - ay) < 0) {
        w--;
      }
    }
  }
  return w;
}

/**
 * Render one codepoint as a MapLibre SDF glyph, or null when the font has no glyph for it.
 * `bitmap` is (width + 6) × (height + 6) bytes, top row first; empty glyphs (space) have none.
 */
export function renderGlyph(font, codepoint) {
  const index = font.charToGlyphIndex(String.fromCodePoint(codepoint));
  if (!index) return null;
  const glyph = font.glyphs.get(index);
  const scale = GLYPH_SIZE / font.unitsPerEm;
  const advance = Math.round((glyph.advanceWidth ?? 0) * scale);
  const rings = outlineRings(glyph, scale);
  const empty = { id: codepoint, width: 0, height: 0, left: 0, top: -BASELINE_ASCENDER, advance };
  if (rings.length === 0) return empty;

  let xMin = Infinity;
  let yMin = Infinity;
  let xMax = -Infinity;
  let yMax = -Infinity;
  for (const r of rings) {
    for (const [x, y] of r) {
      if (x < xMin) xMin = x;
      if (y < yMin) yMin = y;
      if (x > xMax) xMax = x;
      if (y > yMax) yMax = y;
    }
  }
  xMin = Math.round(xMin);
  yMin = Math.round(yMin);
  xMax = Math.round(xMax);
  yMax = Math.round(yMax);
  const width = xMax - xMin;
  const height = yMax - yMin;
  if (width <= 0 || height <= 0) return empty;

  // Shift the outline so the glyph box starts at the border.
  const shifted = rings.map((r) => r.map(([x, y]) => [x - xMin + GLYPH_BUFFER, y - yMin + GLYPH_BUFFER]));
  const segments = [];
  for (const r of shifted) {
    for (let i = 0; i < r.length - 1; i++) segments.push([r[i][0], r[i][1], r[i + 1][0], r[i + 1][1]]);
  }

  const bw = width + 2 * GLYPH_BUFFER;
  const bh = height + 2 * GLYPH_BUFFER;
  const bitmap = new Uint8Array(bw * bh);
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      let d = RADIUS;
      for (const s of segments) {
        // Cheap box reject: a segment whose box is farther than the best distance cannot win.
        if (Math.min(s[0], s[2]) - px > d || px - Math.max(s[0], s[2]) > d) continue;
        if (Math.min(s[1], s[3]) - py > d || py - Math.max(s[1], s[3]) > d) continue;
        const dist = distanceToSegment(px, py, s[0], s[1], s[2], s[3]);
        if (dist < d) d = dist;
      }
      let v = d * (256 / RADIUS);
      if (winding(shifted, px, py) !== 0) v = -v;
      v += CUTOFF * 256;
      const n = Math.max(0, Math.min(255, Math.trunc(v)));
      // Rows run top to bottom in the bitmap while y runs upwards in the outline.
      bitmap[(bh - y - 1) * bw + x] = 255 - n;
    }
  }
  return { id: codepoint, bitmap, width, height, left: xMin, top: yMax - BASELINE_ASCENDER, advance };
}

function writeGlyph(g, pbf) {
  pbf.writeVarintField(1, g.id);
  if (g.bitmap) pbf.writeBytesField(2, g.bitmap);
  pbf.writeVarintField(3, g.width);
  pbf.writeVarintField(4, g.height);
  pbf.writeSVarintField(5, g.left);
  pbf.writeSVarintField(6, g.top);
  pbf.writeVarintField(7, g.advance);
}

/** Encode one range as the `glyphs { fontstack { name, range, glyph* } }` protobuf MapLibre reads. */
export function encodeGlyphRange(fontstack, start, glyphs) {
  const pbf = new PbfWriter();
  pbf.writeMessage(
    1,
    (stack, p) => {
      p.writeStringField(1, fontstack);
      p.writeStringField(2, `${start}-${start + 255}`);
      for (const g of stack) p.writeMessage(3, writeGlyph, g);
    },
    glyphs,
  );
  return pbf.finish();
}

/** Decode a glyph PBF (the inverse of encodeGlyphRange), for checks and tests. */
export function decodeGlyphRange(bytes) {
  const pbf = new PbfReader(bytes);
  const stacks = [];
  pbf.readFields(
    (tag, out, p) => {
      if (tag !== 1) return;
      const stack = { name: "", range: "", glyphs: [] };
      p.readMessage(
        (t, s, q) => {
          if (t === 1) s.name = q.readString();
          else if (t === 2) s.range = q.readString();
          else if (t === 3) {
            const g = { id: 0, bitmap: null, width: 0, height: 0, left: 0, top: 0, advance: 0 };
            q.readMessage(
              (u, gl, r) => {
                if (u === 1) gl.id = r.readVarint();
                else if (u === 2) gl.bitmap = r.readBytes();
                else if (u === 3) gl.width = r.readVarint();
                else if (u === 4) gl.height = r.readVarint();
                else if (u === 5) gl.left = r.readSVarint();
                else if (u === 6) gl.top = r.readSVarint();
                else if (u === 7) gl.advance = r.readVarint();
              },
              g,
            );
            s.glyphs.push(g);
          }
        },
        stack,
      );
      out.push(stack);
    },
    stacks,
  );
  return stacks;
}

/** Render every codepoint in [start, start + 255] that the font has. */
export function renderRange(font, start) {
  const glyphs = [];
  for (let cp = start; cp <= start + 255; cp++) {
    const g = renderGlyph(font, cp);
    if (g) glyphs.push(g);
  }
  return glyphs;
}

/**
 * Ranges worth rendering for US maps: Latin (all extensions in use), IPA and combining marks, Greek,
 * Cyrillic, Armenian, Hebrew, Arabic; Latin Extended Additional (Vietnamese names), Greek Extended,
 * punctuation, currency, letterlike symbols, arrows, maths; and the Latin ligatures (ﬁ, ﬂ).
 * Everything else DejaVu has (braille, box drawing, Canadian syllabics, …) would only add megabytes.
 */
export const RENDERED_RANGES = [
  ...rangeStarts(0x0000, 0x07ff),
  ...rangeStarts(0x1d00, 0x23ff),
  ...rangeStarts(0xfb00, 0xfbff),
];

function rangeStarts(from, to) {
  const starts = [];
  for (let s = from - (from % 256); s <= to; s += 256) starts.push(s);
  return starts;
}

/**
 * Write `<outDir>/<fontstack>/<start>-<end>.pbf` for every 256-codepoint range of the Basic
 * Multilingual Plane: RENDERED_RANGES with glyphs, the rest empty, so a stray character costs one
 * tiny request instead of a 404 and a console error in the browser.
 * Returns the number of glyphs and bytes written.
 */
export function writeFontstack(outDir, fontstack, font, ranges = RENDERED_RANGES) {
  const dir = path.join(outDir, fontstack);
  fs.mkdirSync(dir, { recursive: true });
  const rendered = new Set(ranges);
  let glyphCount = 0;
  let bytes = 0;
  for (let start = 0; start < 65536; start += 256) {
    const glyphs = rendered.has(start) ? renderRange(font, start) : [];
    glyphCount += glyphs.length;
    const data = encodeGlyphRange(fontstack, start, glyphs);
    bytes += data.byteLength;
    fs.writeFileSync(path.join(dir, `${start}-${start + 255}.pbf`), data);
  }
  return { glyphCount, bytes };
}
