/** Types for build-basemap.mjs (plain JS so `node` runs it at build time without a compiler). */
export const FONTSTACKS: Record<string, string>;
export const LAYER_FILES: string[];
export const ARCHIVE_FILE: string;
export const SOURCES: Array<{ data: string; source: string; licence: string }>;
export function build(options?: {
  publicDir?: string;
  force?: boolean;
  log?: (line: string) => void;
}): Promise<{ skipped: boolean; files: Record<string, number>; ms: number }>;
