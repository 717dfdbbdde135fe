import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  GLYPH_BUFFER,
  decodeGlyphRange,
  encodeGlyphRange,
  loadFont,
  renderRange,
  type SdfGlyph,
} from "./basemap-glyphs.mjs";

const fontFile = path.resolve(__dirname, "../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf");

function glyph(glyphs: SdfGlyph[], ch: string): SdfGlyph {
  const g = glyphs.find((x) => x.id === ch.codePointAt(0));
  if (!g) throw new Error(`no glyph for ${ch}`);
  return g;
}

describe("SDF glyph PBFs", () => {
  const font = loadFont(fontFile);
  const bytes = encodeGlyphRange("DejaVu Sans Book", 0, renderRange(font, 0));
  const [stack, ...others] = decodeGlyphRange(bytes);

  it("encodes one fontstack with its name and range", () => {
    expect(others).toHaveLength(0);
    expect(stack?.name).toBe("DejaVu Sans Book");
    expect(stack?.range).toBe("0-255");
    // Printable ASCII and Latin-1 are all in DejaVu Sans.
    expect(stack?.glyphs.length).toBeGreaterThan(190);
  });

  it('gives "A" MapLibre-sized metrics and a bordered bitmap', () => {
    const a = glyph(stack!.glyphs, "A");
    // DejaVu's cap height is 0.73 em: ~17.5 px at MapLibre's 24 px em.
    expect(a.height).toBeGreaterThanOrEqual(16);
    expect(a.height).toBeLessThanOrEqual(19);
    expect(a.width).toBeGreaterThanOrEqual(14);
    expect(a.width).toBeLessThanOrEqual(18);
    expect(a.advance).toBeGreaterThanOrEqual(15);
    expect(a.advance).toBeLessThanOrEqual(18);
    // Baseline convention: top = glyph top − 25, so a capital sits at about −8.
    expect(a.top).toBeGreaterThanOrEqual(-10);
    expect(a.top).toBeLessThanOrEqual(-6);
    expect(a.left).toBeGreaterThanOrEqual(-1);
    expect(a.left).toBeLessThanOrEqual(2);
    const bw = a.width + 2 * GLYPH_BUFFER;
    const bh = a.height + 2 * GLYPH_BUFFER;
    expect(a.bitmap?.length).toBe(bw * bh);
  });

  it('draws "A" as a distance field: inside high, edge at 0.75, far outside zero', () => {
    const a = glyph(stack!.glyphs, "A");
    const bw = a.width + 2 * GLYPH_BUFFER;
    const bitmap = a.bitmap!;
    const at = (x: number, y: number) => bitmap[y * bw + x]!;
    // The top-left corner of the bordered box is well outside the letter.
    expect(at(0, 0)).toBeLessThan(120);
    // The bottom row of the glyph box, just inside the left leg, is ink.
    const bottom = GLYPH_BUFFER + a.height - 1;
    const legRow = Array.from({ length: bw }, (_, x) => at(x, bottom));
    expect(Math.max(...legRow)).toBeGreaterThanOrEqual(192);
    // The counter of the A (between the legs, just above the baseline) is outside: below the edge.
    const middle = Math.floor(bw / 2);
    expect(at(middle, bottom)).toBeLessThan(192);
    // Far outside fades towards 0 (room for halos); A's ~2 px strokes reach ~1 px deep inside.
    expect(Math.min(...bitmap)).toBeLessThan(64);
    expect(Math.max(...bitmap)).toBeGreaterThanOrEqual(205);
  });

  it("keeps empty glyphs (space) with an advance and no bitmap", () => {
    const space = glyph(stack!.glyphs, " ");
    expect(space.width).toBe(0);
    expect(space.height).toBe(0);
    expect(space.bitmap ?? null).toBeNull();
    expect(space.advance).toBeGreaterThan(4);
  });
});
