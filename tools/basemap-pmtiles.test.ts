import zlib from "node:zlib";
import { PMTiles, type Source } from "pmtiles";
import { describe, expect, it } from "vitest";
import { Compression, writePmtiles } from "./basemap-pmtiles.mjs";

/** The archive as the browser's reader sees it: byte ranges of one buffer. */
function reader(archive: Buffer): PMTiles {
  const source: Source = {
    getKey: () => "test.pmtiles",
    getBytes: async (offset, length) => ({
      data: archive.buffer.slice(archive.byteOffset + offset, archive.byteOffset + offset + length) as ArrayBuffer,
    }),
  };
  return new PMTiles(source);
}

const text = (data: ArrayBuffer | undefined) => (data ? Buffer.from(data).toString() : undefined);

describe("PMTiles writer, read back with the pmtiles reader the browser uses", () => {
  it("returns every tile it was given, byte for byte, across leaf directories, and nothing else", async () => {
    // Every tile of z0–7 but the diagonal at z7: 21,717 tiles, too many for a root directory alone.
    const tiles = [];
    for (let z = 0; z <= 7; z++) {
      for (let x = 0; x < 2 ** z; x++) {
        for (let y = 0; y < 2 ** z; y++) {
          if (z === 7 && x === y) continue;
          // A quarter of them share one content (stored once); the rest differ in content and length.
          const data = (x + y) % 4 === 0 ? "sea" : `${z}/${x}/${y}:`.repeat(1 + ((x * 7 + y * 3) % 5));
          tiles.push({ z, x, y, data: Buffer.from(data) });
        }
      }
    }
    const { archive, addressedTiles, tileContents } = writePmtiles(tiles, {
      metadata: { name: "test", vector_layers: [{ id: "land", fields: {} }] },
      bounds: [-80.5, 40.1, -79.5, 40.9],
      center: [-80, 40.45, 9],
      tileCompression: Compression.None,
    });
    const p = reader(archive);
    const header = await p.getHeader();
    expect(header).toMatchObject({
      specVersion: 3,
      minZoom: 0,
      maxZoom: 7,
      minLon: -80.5,
      minLat: 40.1,
      maxLon: -79.5,
      maxLat: 40.9,
      centerLon: -80,
      centerLat: 40.45,
      centerZoom: 9,
      numAddressedTiles: tiles.length,
      clustered: true,
    });
    expect(addressedTiles).toBe(tiles.length);
    expect(header.numTileContents).toBe(tileContents);
    expect(tileContents).toBeLessThan(tiles.length * 0.8);
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16_384);
    expect(await p.getMetadata()).toEqual({ name: "test", vector_layers: [{ id: "land", fields: {} }] });

    for (const t of tiles) {
      expect(text((await p.getZxy(t.z, t.x, t.y))?.data), `${t.z}/${t.x}/${t.y}`).toBe(t.data.toString());
    }
    expect(await p.getZxy(7, 5, 5)).toBeUndefined();
    expect(await p.getZxy(8, 0, 0)).toBeUndefined();
  });

  it("keeps a run of identical neighbours as one entry, and gzipped tiles come back decompressed", async () => {
    const sea = zlib.gzipSync(Buffer.from("sea"));
    const tiles = [0, 1, 2, 3].map((i) => ({ z: 1, x: i % 2, y: Math.floor(i / 2), data: sea }));
    tiles.push({ z: 0, x: 0, y: 0, data: zlib.gzipSync(Buffer.from("world")) });
    const { archive } = writePmtiles(tiles, { metadata: {}, bounds: [-180, -85, 180, 85], center: [0, 0, 0] });
    const p = reader(archive);
    const header = await p.getHeader();
    // z0 and z1 are ids 0 and 1–4: one entry for the world tile, one for the run of four.
    expect(header).toMatchObject({ numAddressedTiles: 5, numTileEntries: 2, numTileContents: 2, tileCompression: 2 });
    expect(text((await p.getZxy(0, 0, 0))?.data)).toBe("world");
    for (const t of tiles.slice(0, 4)) expect(text((await p.getZxy(t.z, t.x, t.y))?.data)).toBe("sea");
  });

  it("refuses an empty archive and a tile given twice", () => {
    const options = { metadata: {}, bounds: [0, 0, 1, 1] as [number, number, number, number], center: [0, 0, 0] as [number, number, number] };
    expect(() => writePmtiles([], options)).toThrow(/at least one tile/);
    const t = { z: 2, x: 1, y: 1, data: Buffer.from("a") };
    expect(() => writePmtiles([t, { ...t }], options)).toThrow(/given twice/);
  });
});
