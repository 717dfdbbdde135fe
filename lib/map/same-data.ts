/**
 * Whether two GeoJSON values (plain JSON: objects, arrays, numbers, strings, booleans, null) hold
 * the same data. Layers rebuild their features whenever the console re-renders (the data clock
 * ticks every second), and a `setData` with equal content still makes MapLibre re-tile the source
 * and repaint the whole map: comparing first costs a walk of the data, a repaint far more.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}
