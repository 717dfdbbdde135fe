/**
 * Seeded, stateless randomness. The scenario is a pure function of (seed, time), so every random
 * choice is a hash of the seed and the thing being decided ("device 7, segment 3"), never a shared
 * generator whose output depends on call order.
 */

const TWO_32 = 4_294_967_296;

function mix(h: number, k: number): number {
  let x = Math.imul(k, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  x = Math.imul(x, 0x1b873593);
  let y = h ^ x;
  y = (y << 13) | (y >>> 19);
  return (Math.imul(y, 5) + 0xe6546b64) | 0;
}

function finalize(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

export type HashPart = number | string;

/** A well-mixed unsigned 32-bit hash of the parts (numbers up to 2^53 keep all their bits). */
export function hash32(...parts: HashPart[]): number {
  let h = 0x9747b28c;
  for (const part of parts) {
    if (typeof part === "number" && Number.isSafeInteger(part)) {
      const lo = ((part % TWO_32) + TWO_32) % TWO_32;
      const hi = Math.floor(part / TWO_32);
      h = mix(h, lo | 0);
      h = mix(h, hi | 0);
      h = mix(h, 0x6e756d);
    } else {
      const s = String(part);
      for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
      h = mix(h, s.length ^ 0x737472);
    }
  }
  return finalize(h ^ parts.length);
}

/** A number in [0, 1) decided by the parts. */
export function unit(...parts: HashPart[]): number {
  return hash32(...parts) / TWO_32;
}

/** A sequence of decisions from one seed (mulberry32), for things generated in order. */
export class Rng {
  private state: number;

  constructor(...seedParts: HashPart[]) {
    this.state = hash32(...seedParts);
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_32;
  }

  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  int(min: number, maxInclusive: number): number {
    return Math.floor(this.range(min, maxInclusive + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Fisher–Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

/** A version-4-shaped UUID decided by the parts (stable ids for devices, users, correlation ids). */
export function uuidFrom(...parts: HashPart[]): string {
  const hex = [0, 1, 2, 3]
    .map((i) => hash32(...parts, "uuid", i).toString(16).padStart(8, "0"))
    .join("");
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
