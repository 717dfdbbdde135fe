/** Types for compress-static.mjs (plain JS so `node` runs it after `next build` without a compiler). */
export const COMPRESSIBLE: RegExp;
export const FOLDERS: string[];
export function compressStatic(staticDir: string): { count: number; rawKiB: number; brKiB: number };
