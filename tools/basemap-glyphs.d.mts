/** Types for basemap-glyphs.mjs (plain JS so `node` runs it at build time without a compiler). */
export interface SdfGlyph {
  id: number;
  bitmap?: Uint8Array | null;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}
export interface GlyphStack {
  name: string;
  range: string;
  glyphs: SdfGlyph[];
}
export interface Font {
  unitsPerEm: number;
  charToGlyphIndex(ch: string): number;
}
export const GLYPH_SIZE: number;
export const GLYPH_BUFFER: number;
export function loadFont(file: string): Font;
export function renderGlyph(font: Font, codepoint: number): SdfGlyph | null;
export function renderRange(font: Font, start: number): SdfGlyph[];
export function encodeGlyphRange(fontstack: string, start: number, glyphs: SdfGlyph[]): Uint8Array;
export function decodeGlyphRange(bytes: Uint8Array): GlyphStack[];
export const RENDERED_RANGES: number[];
export function writeFontstack(
  outDir: string,
  fontstack: string,
  font: Font,
  ranges?: number[],
): { glyphCount: number; bytes: number };
