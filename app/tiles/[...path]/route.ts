/**
 * Serves PMTiles basemap archives an agency dropped into `<DATA_DIR>/tiles/`, so
 * `MAP_STYLE_URL=/tiles/<name>.pmtiles` works with no tile server and no internet. PMTiles readers
 * fetch byte ranges (header, directories, tiles), hence the Range support. Public map data: no
 * session needed, and only GET/HEAD exist (Next answers 405 to anything else).
 */
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { getConfig } from "@/lib/config/env";
import { HttpError, notFound } from "@/lib/server/http";
import { withPublic } from "@/lib/server/route";

export const runtime = "nodejs";

// A plain file name: no separators, no leading dot, nothing that path.join could walk out with.
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.pmtiles$/;

type Params = { path: string[] };

interface ByteRange {
  start: number;
  end: number;
}

/**
 * One `bytes=` range → inclusive offsets; null when the header is absent, malformed or asks for
 * several ranges (RFC 9110 lets a server ignore those and send the whole file); "unsatisfiable"
 * when it starts past the end.
 */
function parseRange(header: string | null, size: number): ByteRange | null | "unsatisfiable" {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== "" && Number(m[2]) < start) return null;
  if (start >= size) return "unsatisfiable";
  return { start, end };
}

async function locate(params: Params): Promise<{ file: string; stat: fs.Stats }> {
  const [name, ...rest] = params.path ?? [];
  if (!name || rest.length > 0 || !FILE_NAME.test(name)) throw notFound();
  const dir = path.join(getConfig().dataDir, "tiles");
  const file = path.join(dir, name);
  if (path.dirname(file) !== dir) throw notFound();
  // The path is only known at request time; tell Turbopack not to trace the whole project for it.
  const stat = await fs.promises.stat(/*turbopackIgnore: true*/ file).catch(() => null);
  if (!stat?.isFile()) throw notFound();
  return { file, stat };
}

async function serveArchive(req: Request, params: Params, withBody: boolean): Promise<Response> {
  const { file, stat } = await locate(params);
  const size = stat.size;
  const headers = new Headers({
    "content-type": "application/vnd.pmtiles",
    "accept-ranges": "bytes",
    etag: `"${size.toString(16)}-${Math.trunc(stat.mtimeMs).toString(16)}"`,
    "last-modified": stat.mtime.toUTCString(),
    // An agency may replace the file; a short cache keeps panning cheap without pinning it for days.
    "cache-control": "public, max-age=300",
  });
  const range = parseRange(req.headers.get("range"), size);
  if (range === "unsatisfiable") {
    throw new HttpError(416, "range_not_satisfiable", `The file has ${size} bytes.`, {
      "content-range": `bytes */${size}`,
      "accept-ranges": "bytes",
    });
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const length = size === 0 ? 0 : end - start + 1;
  headers.set("content-length", String(length));
  if (range) headers.set("content-range", `bytes ${start}-${end}/${size}`);
  const status = range ? 206 : 200;
  if (!withBody || length === 0) return new Response(null, { status, headers });
  const stream = fs.createReadStream(/*turbopackIgnore: true*/ file, { start, end });
  req.signal.addEventListener("abort", () => stream.destroy(), { once: true });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status, headers });
}

export const GET = withPublic<Params>(({ req, params }) => serveArchive(req, params, true));
export const HEAD = withPublic<Params>(({ req, params }) => serveArchive(req, params, false));
