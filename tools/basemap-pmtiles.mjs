/**
 * Writes a PMTiles (version 3) archive: one file that holds a whole tile pyramid, read by byte
 * ranges, so the app serves its basemap as a static file with no tile server. The layout follows
 * the PMTiles v3 specification (github.com/protomaps/PMTiles, spec/v3/spec.md):
 *
 *   header (127 bytes) · root directory · JSON metadata · leaf directories · tile data
 *
 * Tiles are addressed by their Hilbert tile id (`zxyToTileId` from the `pmtiles` package, the
 * reader the browser uses). Identical tiles are stored once, and a run of consecutive ids with the
 * same content is one directory entry, as the specification allows. Directories and the metadata
 * are gzip-compressed; tiles are passed in already compressed (`tileCompression` says how).
 */
import { createHash } from "node:crypto";
import zlib from "node:zlib";
import { zxyToTileId } from "pmtiles";

export const HEADER_BYTES = 127;
/** The specification's limit for header + root directory: one 16 KiB request reads both. */
const ROOT_LIMIT = 16_384 - HEADER_BYTES;

/** Values of the header's compression and tile type fields (PMTiles v3). */
export const Compression = { None: 1, Gzip: 2 };
export const TileType = { Mvt: 1 };

function varint(out, value) {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** A directory: entry count, then the columns (id deltas, run lengths, lengths, offsets), varint-coded, gzipped. */
function serializeDirectory(entries) {
  const out = [];
  varint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    varint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) varint(out, e.runLength);
  for (const e of entries) varint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    // 0 means "right after the previous entry's data"; anything else is the offset plus one.
    varint(out, prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return zlib.gzipSync(Buffer.from(out), { level: 9 });
}

/**
 * The root directory alone when it fits in the first 16 KiB; otherwise the root points at leaf
 * directories of `leafSize` entries each, grown until the root fits (as the reference writer does).
 */
function buildDirectories(entries) {
  const root = serializeDirectory(entries);
  if (root.length <= ROOT_LIMIT) return { root, leaves: Buffer.alloc(0) };
  for (let leafSize = 4096; ; leafSize = Math.ceil(leafSize * 1.2)) {
    const rootEntries = [];
    const leaves = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leaf = serializeDirectory(entries.slice(i, i + leafSize));
      // runLength 0 marks an entry that points at a leaf directory rather than at a tile.
      rootEntries.push({ tileId: entries[i].tileId, offset, length: leaf.length, runLength: 0 });
      leaves.push(leaf);
      offset += leaf.length;
    }
    const rootDir = serializeDirectory(rootEntries);
    if (rootDir.length <= ROOT_LIMIT) return { root: rootDir, leaves: Buffer.concat(leaves) };
  }
}

function writeHeader(h) {
  const b = Buffer.alloc(HEADER_BYTES);
  b.write("PMTiles", 0, "ascii");
  b.writeUInt8(3, 7);
  const u64 = [
    h.rootOffset,
    h.rootLength,
    h.metadataOffset,
    h.metadataLength,
    h.leafOffset,
    h.leafLength,
    h.dataOffset,
    h.dataLength,
    h.addressedTiles,
    h.tileEntries,
    h.tileContents,
  ];
  u64.forEach((v, i) => b.writeBigUInt64LE(BigInt(v), 8 + i * 8));
  b.writeUInt8(1, 96); // clustered: tile data is in tile id order
  b.writeUInt8(Compression.Gzip, 97); // internal compression (directories, metadata)
  b.writeUInt8(h.tileCompression, 98);
  b.writeUInt8(h.tileType, 99);
  b.writeUInt8(h.minZoom, 100);
  b.writeUInt8(h.maxZoom, 101);
  const e7 = (deg) => Math.round(deg * 1e7);
  const [west, south, east, north] = h.bounds;
  b.writeInt32LE(e7(west), 102);
  b.writeInt32LE(e7(south), 106);
  b.writeInt32LE(e7(east), 110);
  b.writeInt32LE(e7(north), 114);
  b.writeUInt8(h.center[2], 118);
  b.writeInt32LE(e7(h.center[0]), 119);
  b.writeInt32LE(e7(h.center[1]), 123);
  return b;
}

/**
 * @param {Array<{ z: number, x: number, y: number, data: Uint8Array }>} tiles  already compressed as `tileCompression` says
 * @param {{ metadata: object, bounds: [number, number, number, number], center: [number, number, number],
 *           tileCompression?: number, tileType?: number }} options
 * @returns {{ archive: Buffer, addressedTiles: number, tileContents: number }}
 */
export function writePmtiles(tiles, options) {
  if (tiles.length === 0) throw new Error("a PMTiles archive needs at least one tile");
  const sorted = tiles.map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) })).sort((a, b) => a.tileId - b.tileId);
  const entries = [];
  const chunks = [];
  const seen = new Map();
  let dataLength = 0;
  for (const t of sorted) {
    const last = entries.at(-1);
    if (last && t.tileId === last.tileId) throw new Error(`tile ${t.z}/${t.x}/${t.y} is given twice`);
    const hash = createHash("sha256").update(t.data).digest("hex");
    let stored = seen.get(hash);
    if (!stored) {
      stored = { offset: dataLength, length: t.data.length };
      seen.set(hash, stored);
      chunks.push(Buffer.from(t.data));
      dataLength += t.data.length;
    }
    if (last && last.offset === stored.offset && last.tileId + last.runLength === t.tileId) {
      last.runLength += 1;
    } else {
      entries.push({ tileId: t.tileId, offset: stored.offset, length: stored.length, runLength: 1 });
    }
  }
  const { root, leaves } = buildDirectories(entries);
  const metadata = zlib.gzipSync(Buffer.from(JSON.stringify(options.metadata)), { level: 9 });
  const minZoom = sorted.reduce((m, t) => Math.min(m, t.z), Infinity);
  const maxZoom = sorted.reduce((m, t) => Math.max(m, t.z), 0);
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leafOffset = metadataOffset + metadata.length;
  const dataOffset = leafOffset + leaves.length;
  const header = writeHeader({
    rootOffset,
    rootLength: root.length,
    metadataOffset,
    metadataLength: metadata.length,
    leafOffset,
    leafLength: leaves.length,
    dataOffset,
    dataLength,
    addressedTiles: sorted.length,
    tileEntries: entries.length,
    tileContents: seen.size,
    tileCompression: options.tileCompression ?? Compression.Gzip,
    tileType: options.tileType ?? TileType.Mvt,
    minZoom,
    maxZoom,
    bounds: options.bounds,
    center: options.center,
  });
  return {
    archive: Buffer.concat([header, root, metadata, leaves, ...chunks]),
    addressedTiles: sorted.length,
    tileContents: seen.size,
  };
}
