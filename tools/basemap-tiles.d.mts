/** Types for basemap-tiles.mjs (plain JS so `node` runs it at build time without a compiler). */
import type { FeatureCollection } from "geojson";
export const TILE_MAX_ZOOM: number;
export const TILE_EXTENT: number;
export function cutTiles(
  layers: Record<string, FeatureCollection>,
  options?: { maxZoom?: number },
): Array<{ z: number; x: number; y: number; data: Buffer }>;
export function buildArchive(
  layers: Record<string, FeatureCollection>,
  options: { center: [number, number, number]; maxZoom?: number },
): { archive: Buffer; addressedTiles: number; tileContents: number };
