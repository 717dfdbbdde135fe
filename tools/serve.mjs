/**
 * The production server: Next's own request handler (what `next start` runs: proxy.ts, pages,
 * routes, its static files), behind one addition. A build asset under `/_next/static/` that
 * `tools/compress-static.mjs` compressed at build time is sent as that copy, Brotli when the
 * browser accepts it and gzip otherwise, instead of being gzipped again on every request. Anything
 * else, and any file without a current copy, goes to Next unchanged (the basemap archive, read by
 * byte ranges, among them).
 *
 *   node tools/serve.mjs [-p PORT] [-H HOSTNAME]        (npm start, npm run serve, the tests' app)
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

process.env.NODE_ENV = "production";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const TYPES = {
  ".js": "application/javascript; charset=UTF-8",
  ".mjs": "application/javascript; charset=UTF-8",
  ".css": "text/css; charset=UTF-8",
  ".json": "application/json; charset=UTF-8",
  ".svg": "image/svg+xml",
};
/** How long an idle keep-alive connection stays open (see main). */
export const KEEP_ALIVE_MS = 65_000;
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
];

/**
 * The encodings the request accepts (RFC 9110 §12.5.3): a coding listed with q=0 is refused, and
 * `*` stands for any coding not listed.
 */
export function acceptedEncodings(header) {
  const accepted = new Set();
  const refused = new Set();
  let wildcard = false;
  for (const part of String(header ?? "").split(",")) {
    const [token = "", ...params] = part.trim().toLowerCase().split(";");
    if (!token) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const ok = q === undefined || Number(q.slice(2)) > 0;
    if (token === "*") wildcard = ok;
    else (ok ? accepted : refused).add(token);
  }
  return ENCODINGS.map((e) => e.name).filter((name) => accepted.has(name) || (wildcard && !refused.has(name)));
}

/**
 * A folder whose files have compressed copies: `prefix` is its URL path, `cacheControl` what Next
 * sends for it (build assets are named by their hash and never change; public files may).
 */
export const MOUNTS = [
  { prefix: "/_next/static/", dir: path.join(root, ".next", "static"), cacheControl: "public, max-age=31536000, immutable" },
];

/**
 * Serves a file under one of `mounts` from its compressed copy; returns false (and sends nothing)
 * when the request is for anything else, asks for a range, or has no copy in an encoding it
 * accepts that is at least as new as the file (a copy older than its file is stale: never sent).
 * `headers` are the ones next.config.mjs puts on every response.
 */
export function precompressedStatic(mounts, headers) {
  const folders = mounts.map((m) => ({ ...m, base: path.resolve(m.dir) }));
  return function serve(req, res) {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    if (req.headers.range) return false;
    const pathname = (req.url ?? "").split("?")[0] ?? "";
    const mount = folders.find((m) => pathname.startsWith(m.prefix));
    if (!mount) return false;
    let relative;
    try {
      relative = decodeURIComponent(pathname.slice(mount.prefix.length));
    } catch {
      return false;
    }
    const file = path.resolve(mount.base, relative);
    if (!file.startsWith(mount.base + path.sep)) return false;
    const type = TYPES[path.extname(file)];
    if (!type) return false;
    const original = statFile(file);
    if (!original) return false;
    for (const name of acceptedEncodings(req.headers["accept-encoding"])) {
      const encoded = file + ENCODINGS.find((e) => e.name === name).suffix;
      const stat = statFile(encoded);
      if (!stat || stat.mtimeMs < original.mtimeMs) continue;
      const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}-${name}"`;
      for (const [key, value] of headers) res.setHeader(key, value);
      res.setHeader("Cache-Control", mount.cacheControl);
      res.setHeader("Content-Type", type);
      res.setHeader("Vary", "Accept-Encoding");
      res.setHeader("ETag", etag);
      res.setHeader("Last-Modified", original.mtime.toUTCString());
      if (req.headers["if-none-match"] === etag) {
        res.statusCode = 304;
        res.end();
        return true;
      }
      res.setHeader("Content-Encoding", name);
      res.setHeader("Content-Length", stat.size);
      res.statusCode = 200;
      if (req.method === "HEAD") {
        res.end();
        return true;
      }
      fs.createReadStream(encoded)
        .on("error", () => res.destroy())
        .pipe(res);
      return true;
    }
    return false;
  };
}

function statFile(file) {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat : null;
  } catch {
    return null;
  }
}

function option(args, short, long) {
  const i = args.findIndex((a) => a === short || a === long);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The headers next.config.mjs gives every path (`source: "/:path*"`). */
async function everyResponseHeaders() {
  const config = (await import(path.join(root, "next.config.mjs"))).default;
  const rules = typeof config.headers === "function" ? await config.headers() : [];
  return rules.filter((r) => r.source === "/:path*").flatMap((r) => r.headers.map((h) => [h.key, h.value]));
}

async function main() {
  const args = process.argv.slice(2);
  const port = Number(option(args, "-p", "--port") ?? process.env.PORT ?? 3000);
  const hostname = option(args, "-H", "--hostname");
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: root, hostname: hostname ?? "localhost", port });
  const staticFiles = precompressedStatic(MOUNTS, await everyResponseHeaders());
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    if (staticFiles(req, res)) return;
    handle(req, res).catch((error) => {
      console.error(`Failed to handle ${req.method} ${req.url}`, error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  // A client or load balancer that reuses an idle connection just as the server closes it gets a
  // reset instead of an answer (Node closes idle connections after 5 s by default). Keep them
  // longer than the usual load balancer's idle timeout (60 s), so the peer always closes first.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  server.on("error", (error) => {
    console.error("The server could not start:", error.message);
    process.exit(1);
  });
  server.listen(port, hostname);
  const stop = (code) => () => {
    server.close();
    server.closeIdleConnections();
    void app.close().finally(() => process.exit(code));
    setTimeout(() => process.exit(code), 3_000).unref();
  };
  process.once("SIGINT", stop(130));
  process.once("SIGTERM", stop(143));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
