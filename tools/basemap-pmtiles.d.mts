/** Types for basemap-pmtiles.mjs (plain JS so `node` runs it at build time without a compiler). */
export const HEADER_BYTES: number;
export const Compression: { None: number; Gzip: number };
export const TileType: { Mvt: number };
export function writePmtiles(
  tiles: Array<{ z: number; x: number; y: number; data: Uint8Array }>,
  options: {
    metadata: object;
    bounds: [number, number, number, number];
    center: [number, number, number];
    tileCompression?: number;
    tileType?: number;
  },
): { archive: Buffer; addressedTiles: number; tileContents: number };
