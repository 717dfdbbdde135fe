/**
 * Seeded random and mutated Data Share bodies, for the fuzz test and the storm test. Tests only.
 */

export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
export type Rng = ReturnType<typeof rng>;

const WEIRD_VALUES: unknown[] = [
  null, true, false, 0, -1, 1e308, -1e308, 91, -181, 1.5, "", " ", "NaN", "Infinity", "1e999", "0x10",
  "tel://", "tel://+", "tel://14125550101;ext=1", "\u0000", "💥", "a".repeat(300), [], [1], [1, 2, 3, 4],
  ["a", "b", "c", "d"], {}, { lat: 1 }, { latitude: 1, longitude: 2 }, { north: 1, south: 2, east: 3, west: 4 },
  { top_left: { lat: 1, lon: 1 }, bottom_right: {} }, { northeast: null, southwest: 1 },
];
const KEYS = ["query", "phone", "phone_number", "caller_id", "access_token", "incident_location", "location",
  "latitude", "longitude", "ecc_account_id", "account_id", "bounding_box", "bbox", "boundingBox", "__proto__",
  "constructor", "x"];

export function randomValue(r: Rng, depth = 0): unknown {
  const roll = r.int(depth > 2 ? 4 : 7);
  if (roll === 0) return r.pick(WEIRD_VALUES);
  if (roll === 1) return (r.next() - 0.5) * 10 ** r.int(6);
  if (roll === 2) return String((r.next() - 0.5) * 400);
  if (roll === 3) return Array.from({ length: r.int(6) }, () => String.fromCharCode(32 + r.int(95))).join("");
  if (roll === 4) return Array.from({ length: r.int(5) }, () => randomValue(r, depth + 1));
  return Object.fromEntries(Array.from({ length: r.int(4) }, () => [r.pick(KEYS), randomValue(r, depth + 1)]));
}

/** Change one thing somewhere in a JSON value (any depth). */
export function mutate(r: Rng, value: unknown, depth = 0): unknown {
  if (typeof value !== "object" || value === null || depth > 3 || r.next() < 0.2) return randomValue(r);
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as object) };
  const keys = Object.keys(copy);
  const action = r.int(3);
  if (action === 0 && keys.length > 0) {
    const k = r.pick(keys);
    if (Array.isArray(copy)) copy.splice(Number(k), 1);
    else delete copy[k];
  } else if (action === 1 || keys.length === 0) {
    if (Array.isArray(copy)) copy.push(randomValue(r));
    else copy[r.pick(KEYS)] = randomValue(r);
  } else {
    const k = r.pick(keys);
    (copy as Record<string, unknown>)[k] = mutate(r, (copy as Record<string, unknown>)[k], depth + 1);
  }
  return copy;
}

export function mutateText(r: Rng, text: string): string {
  const at = r.int(text.length + 1);
  switch (r.int(4)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + String.fromCharCode(r.int(256)) + text.slice(at);
    case 2:
      return text.slice(0, at);
    default:
      return text.slice(0, at) + '"query":"tel://14125550199",' + text.slice(at);
  }
}
