/**
 * The console's JavaScript weight from the production build alone, no browser: the figure
 * `npm run bench:map` measures in Chromium ("weight: N KiB gzip JS"), in a second instead of minutes.
 *
 * The console at `/` loads, as the build's manifests name them:
 * 1. the framework's root chunks (`build-manifest.json` rootMainFiles; not the `nomodule` polyfills);
 * 2. the chunks of the client components the page renders (`page_client-reference-manifest.js`);
 * 3. of its `next/dynamic` chunks (`react-loadable-manifest.json`), those of the map, which renders
 *    at once: the entries whose chunks hold MapLibre. The manifest cannot say which of the others
 *    render on the first screen; they are listed as "on demand" and not counted (the details panels,
 *    loaded with the first selection). A lazy component that does render at start must be counted:
 *    add its file to ON_MOUNT below.
 * The MapLibre worker is left out, as bench:map does.
 * Two compressed sizes per file: "served", the Brotli copy `tools/compress-static.mjs` wrote and
 * `tools/serve.mjs` sends to a browser that accepts it (every current one does); and gzip at zlib's
 * default level, what `next start` alone would send, for comparison with earlier runs.
 *
 *   npm run build && npx tsx bench/weight.ts        (JSON to bench/results/weight-<time>.json)
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

const root = process.cwd();
const next = path.join(root, ".next");
const RESULTS_DIR = path.join(root, "bench", "results");
const ROUTE = process.env.ROUTE ?? "/page";
/** Marks a next/dynamic entry that renders on the console's first screen (MapLibre's CSS classes). */
const ON_MOUNT = [/maplibregl-/];

interface ChunkRow {
  file: string;
  role: "framework" | "page" | "on mount" | "on demand";
  rawKiB: number;
  gzipKiB: number;
  /** The Brotli copy served in its place (the gzip figure when the build has none). */
  servedKiB: number;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, "utf8")) as T;
const kib = (n: number) => Math.round((n / 1024) * 10) / 10;

/** The route's client-reference manifest is a script assigning globalThis.__RSC_MANIFEST[route]. */
function clientChunks(route: string): string[] {
  const file = path.join(next, "server", "app", `${route}_client-reference-manifest.js`);
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { clientModules: Record<string, { chunks: string[] }> }> } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
  const manifest = sandbox.__RSC_MANIFEST?.[route];
  if (!manifest) throw new Error(`${file} has no manifest for ${route}`);
  return [...new Set(Object.values(manifest.clientModules).flatMap((m) => m.chunks))].map((c) => c.replace(/^\/_next\//, ""));
}

function main(): void {
  if (!fs.existsSync(path.join(next, "BUILD_ID"))) throw new Error("No production build: run `npm run build` first.");
  const build = readJson<{ rootMainFiles: string[] }>(path.join(next, "build-manifest.json"));
  const loadable = readJson<Record<string, { files: string[] }>>(path.join(next, "server", "app", ROUTE, "react-loadable-manifest.json"));

  const roles = new Map<string, ChunkRow["role"]>();
  for (const f of build.rootMainFiles) roles.set(f, "framework");
  for (const f of clientChunks(ROUTE)) if (!roles.has(f)) roles.set(f, "page");
  for (const entry of Object.values(loadable)) {
    const js = entry.files.filter((f) => f.endsWith(".js"));
    const atOnce = js.some((f) => ON_MOUNT.some((re) => re.test(fs.readFileSync(path.join(next, f), "utf8"))));
    for (const f of js) if (!roles.has(f) || (atOnce && roles.get(f) === "on demand")) roles.set(f, atOnce ? "on mount" : "on demand");
  }

  const rows: ChunkRow[] = [...roles]
    .filter(([file]) => file.endsWith(".js") && !file.includes("worker"))
    .map(([file, role]) => {
      const bytes = fs.readFileSync(path.join(next, file));
      const gzip = zlib.gzipSync(bytes).length;
      const brotli = path.join(next, `${file}.br`);
      const served = fs.existsSync(brotli) ? fs.statSync(brotli).size : gzip;
      return { file: path.basename(file), role, rawKiB: kib(bytes.length), gzipKiB: kib(gzip), servedKiB: kib(served) };
    })
    .sort((a, b) => b.gzipKiB - a.gzipKiB);

  const sum = (rs: ChunkRow[], key: "rawKiB" | "gzipKiB" | "servedKiB") => Math.round(rs.reduce((a, r) => a + r[key], 0) * 10) / 10;
  const loaded = rows.filter((r) => r.role !== "on demand");
  const total = { servedKiB: sum(loaded, "servedKiB"), gzipKiB: sum(loaded, "gzipKiB"), rawKiB: sum(loaded, "rawKiB"), files: loaded.length };
  const byRole = Object.fromEntries(
    (["framework", "page", "on mount", "on demand"] as const).map((role) => [role, sum(rows.filter((r) => r.role === role), "gzipKiB")]),
  );
  console.table(rows);
  console.log(
    `weight (${ROUTE}): ${total.servedKiB} KiB JS as served (Brotli; ${total.gzipKiB} KiB gzip) in ${total.files} files (${total.rawKiB} KiB raw): ` +
      `framework ${byRole.framework}, page ${byRole.page}, map on mount ${byRole["on mount"]} KiB gzip; ` +
      `not counted, on demand: ${byRole["on demand"]} KiB gzip`,
  );
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const out = path.join(RESULTS_DIR, `weight-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), route: ROUTE, buildId: fs.readFileSync(path.join(next, "BUILD_ID"), "utf8"), total, byRole, rows }, null, 2));
  console.log(`Written to ${path.relative(root, out)}`);
}

main();
