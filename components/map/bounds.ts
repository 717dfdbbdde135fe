/** [west, south], [east, north]: what MapLibre's `fitBounds` takes. */
export type Bounds = [[number, number], [number, number]];

/**
 * The smallest box holding every [lng, lat] point, as `LngLatBounds.extend` builds it (no
 * antimeridian handling there either). Plain arrays, so the behaviours that frame the map need no
 * runtime import from MapLibre: one would pull all of it into the console's first-load chunk,
 * ahead of the lists, instead of the map's own chunk.
 */
export function boundsOf(points: Iterable<readonly [number, number]>): Bounds | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [lng, lat] of points) {
    west = Math.min(west, lng);
    south = Math.min(south, lat);
    east = Math.max(east, lng);
    north = Math.max(north, lat);
  }
  return west <= east ? [[west, south], [east, north]] : null;
}
