import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useConfigForTests } from "@/lib/config/env";
import { serve, type Served } from "@/testing/serve";
import { GET, HEAD } from "./route";

// getConfig() parses the environment once per process; start from a clean slate with our DATA_DIR.
const resetConfig = () => useConfigForTests(null);

let dataDir: string;
let server: Served;
// Bytes 0..255 repeated, so any slice is easy to predict.
const archive = new Uint8Array(10_000).map((_, i) => i % 256);

const call = (handler: typeof GET, segments: string[], init?: RequestInit) =>
  handler(new Request(`http://app.test/tiles/${segments.join("/")}`, init), {
    params: Promise.resolve({ path: segments }),
  });

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tiles-route-"));
  fs.mkdirSync(path.join(dataDir, "tiles"));
  fs.writeFileSync(path.join(dataDir, "tiles", "pittsburgh.pmtiles"), archive);
  fs.writeFileSync(path.join(dataDir, "tiles", "empty.pmtiles"), new Uint8Array(0));
  // Files a traversal would reach if it worked.
  fs.writeFileSync(path.join(dataDir, "secret.pmtiles"), "secret");
  fs.writeFileSync(path.join(dataDir, "tiles", "notes.txt"), "not an archive");
  fs.mkdirSync(path.join(dataDir, "tiles", "dir.pmtiles"));
  vi.stubEnv("DATA_DIR", dataDir);
  resetConfig();
  // Over real HTTP: the URL path after /tiles/ becomes the catch-all segments, as Next would pass them.
  server = await serve(async (req) => {
    const segments = new URL(req.url).pathname.replace(/^\/tiles\//, "").split("/").map(decodeURIComponent);
    const handler = req.method === "HEAD" ? HEAD : GET;
    return handler(req, { params: Promise.resolve({ path: segments }) });
  });
});

afterAll(async () => {
  await server.close();
  vi.unstubAllEnvs();
  resetConfig();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("GET /tiles/<name>.pmtiles", () => {
  it("serves the whole archive without a Range header", async () => {
    const res = await fetch(`${server.url}/tiles/pittsburgh.pmtiles`);
    expect(res.status).toBe(200);
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("content-length")).toBe("10000");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(archive);
  });

  it.each([
    ["bytes=0-126", 0, 126],
    ["bytes=300-599", 300, 599],
    ["bytes=9990-", 9990, 9999],
    ["bytes=-16", 9984, 9999],
    ["bytes=9000-20000", 9000, 9999],
  ])("answers %s with 206 and exactly those bytes", async (range, start, end) => {
    const res = await fetch(`${server.url}/tiles/pittsburgh.pmtiles`, { headers: { range } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes ${start}-${end}/10000`);
    expect(res.headers.get("content-length")).toBe(String(end - start + 1));
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(archive.slice(start, end + 1));
  });

  it("answers a range past the end with 416 and the real size", async () => {
    for (const range of ["bytes=10000-10100", "bytes=-0"]) {
      const res = await fetch(`${server.url}/tiles/pittsburgh.pmtiles`, { headers: { range } });
      expect(res.status).toBe(416);
      expect(res.headers.get("content-range")).toBe("bytes */10000");
      await res.arrayBuffer();
    }
    const empty = await fetch(`${server.url}/tiles/empty.pmtiles`, { headers: { range: "bytes=0-10" } });
    expect(empty.status).toBe(416);
    await empty.arrayBuffer();
  });

  it("ignores a malformed or multi-part Range and sends the whole file", async () => {
    for (const range of ["bytes=5-2", "items=0-5", "bytes=0-1,5-6"]) {
      const res = await fetch(`${server.url}/tiles/pittsburgh.pmtiles`, { headers: { range } });
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBe(10_000);
    }
  });

  it("answers HEAD with the headers and no body", async () => {
    const res = await fetch(`${server.url}/tiles/pittsburgh.pmtiles`, {
      method: "HEAD",
      headers: { range: "bytes=0-99" },
    });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe("bytes 0-99/10000");
    expect(res.headers.get("etag")).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it.each([
    [["..", "secret.pmtiles"]],
    [["../secret.pmtiles"]],
    [["..%2Fsecret.pmtiles"]],
    [["%2e%2e", "secret.pmtiles"]],
    [["sub", "..", "..", "secret.pmtiles"]],
    [["/etc/passwd.pmtiles"]],
    [["..\\secret.pmtiles"]],
    [[".hidden.pmtiles"]],
    [["pittsburgh.pmtiles", "extra"]],
    [["notes.txt"]],
    [["dir.pmtiles"]],
    [["missing.pmtiles"]],
    [["pittsburgh.pmtiles\u0000.txt"]],
    [[]],
  ])("answers %j with 404 and nothing from disk", async (segments) => {
    const res = await call(GET, segments);
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).not.toContain("secret");
    expect(body).not.toContain("archive");
  });

  it("refuses traversal over real HTTP too", async () => {
    for (const p of ["/tiles/..%2Fsecret.pmtiles", "/tiles/%2e%2e/secret.pmtiles", "/tiles/sub/..%2f..%2fsecret.pmtiles"]) {
      const res = await fetch(`${server.url}${p}`);
      expect(res.status, p).toBe(404);
      await res.arrayBuffer();
    }
  });
});
