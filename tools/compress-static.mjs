/**
 * After `next build`: writes a Brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy beside
 * each script, stylesheet and JSON file under `.next/static`, for `tools/serve.mjs` to send as
 * they are. `next start` gzips every response on the fly at the default level; compressing once,
 * at the highest levels, sends a console 17% fewer bytes of script, and spares the server that work
 * on every page load of every screen. (The basemap is a PMTiles archive of gzipped tiles, read by
 * byte ranges: nothing to add there.)
 *
 *   node tools/compress-static.mjs        (part of `npm run build` and of tools/prepare.mjs)
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Files this small gain nothing worth a second request path. */
const MIN_BYTES = 1024;
export const COMPRESSIBLE = /\.(m?js|css|json|svg)$/;

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(file);
    else if (COMPRESSIBLE.test(entry.name)) yield file;
  }
}

export const FOLDERS = [path.join(root, ".next", "static")];

export function compressStatic(staticDir) {
  if (!fs.existsSync(staticDir)) throw new Error(`${staticDir} does not exist: run the build first.`);
  let count = 0;
  let raw = 0;
  let br = 0;
  for (const file of files(staticDir)) {
    const bytes = fs.readFileSync(file);
    if (bytes.length < MIN_BYTES) continue;
    const brotli = zlib.brotliCompressSync(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    fs.writeFileSync(`${file}.br`, brotli);
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }));
    count += 1;
    raw += bytes.length;
    br += brotli.length;
  }
  return { count, rawKiB: Math.round(raw / 1024), brKiB: Math.round(br / 1024) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const folder of FOLDERS) {
    const started = Date.now();
    const { count, rawKiB, brKiB } = compressStatic(folder);
    console.log(`Compressed ${count} files in ${path.relative(root, folder)} (${rawKiB} KiB → ${brKiB} KiB Brotli) in ${Date.now() - started} ms.`);
  }
}
