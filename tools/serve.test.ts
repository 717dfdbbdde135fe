import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "@/testing/app-server";
import { compressStatic } from "./compress-static.mjs";
import { KEEP_ALIVE_MS, acceptedEncodings, precompressedStatic } from "./serve.mjs";

describe("acceptedEncodings", () => {
  it.each([
    ["gzip, deflate, br, zstd", ["br", "gzip"]],
    ["gzip", ["gzip"]],
    ["br;q=0, gzip;q=0.5", ["gzip"]],
    ["BR;Q=1.0", ["br"]],
    ["*", ["br", "gzip"]],
    ["br;q=0, *", ["gzip"]],
    ["*;q=0", []],
    ["identity", []],
    [undefined, []],
  ])("%s → %j", (header, expected) => {
    expect(acceptedEncodings(header)).toEqual(expected);
  });
});

describe("precompressed static files", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dm-static-"));
  const script = Buffer.from(`console.log(${JSON.stringify("dispatch ".repeat(400))});\n`);
  let server: http.Server;
  let url: string;
  let fellThrough: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, "static", "chunks"), { recursive: true });
    fs.writeFileSync(path.join(dir, "static", "chunks", "app.js"), script);
    fs.writeFileSync(path.join(dir, "static", "chunks", "tiny.js"), "1");
    // Outside the static folder, with a copy a careless server would send.
    fs.writeFileSync(path.join(dir, "secret.js"), script);
    fs.writeFileSync(path.join(dir, "secret.js.br"), zlib.brotliCompressSync(script));
    expect(compressStatic(path.join(dir, "static")).count).toBe(1);
    fs.writeFileSync(path.join(dir, "static", "chunks", "stale.js"), script);
    fs.writeFileSync(path.join(dir, "static", "chunks", "stale.js.br"), zlib.brotliCompressSync(script));
    // The file was rebuilt after its copy was made: the copy must not be sent.
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(dir, "static", "chunks", "stale.js"), later, later);
    const serve = precompressedStatic(
      [{ prefix: "/_next/static/", dir: path.join(dir, "static"), cacheControl: "public, max-age=31536000, immutable" }],
      [["X-Content-Type-Options", "nosniff"]],
    );
    server = http.createServer((req, res) => {
      if (serve(req, res)) return;
      fellThrough.push(req.url ?? "");
      res.statusCode = 404;
      res.end("to Next");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** fetch() would decode the body; http.get shows the bytes as sent. */
  function get(pathname: string, headers: http.OutgoingHttpHeaders = {}, method = "GET") {
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = http.request(`${url}${pathname}`, { headers, method }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (b: Buffer) => parts.push(b));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      });
      req.on("error", reject);
      req.end();
    });
  }

  it("sends the Brotli copy to a browser that accepts it, with the headers every response carries", async () => {
    fellThrough = [];
    const res = await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toBe("application/javascript; charset=UTF-8");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers.vary).toBe("Accept-Encoding");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(script.length / 10);
    expect(zlib.brotliDecompressSync(res.body).equals(script)).toBe(true);
    expect(fellThrough).toEqual([]);
  });

  it("sends the gzip copy when Brotli is not accepted", async () => {
    const res = await get("/_next/static/chunks/app.js?dpl=1", { "accept-encoding": "br;q=0, gzip" });
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(res.body).equals(script)).toBe(true);
  });

  it("answers a revalidation with 304 and a HEAD without a body", async () => {
    const first = await get("/_next/static/chunks/app.js", { "accept-encoding": "br" });
    const again = await get("/_next/static/chunks/app.js", { "accept-encoding": "br", "if-none-match": first.headers.etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await get("/_next/static/chunks/app.js", { "accept-encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(first.headers["content-length"]);
    expect(head.body.length).toBe(0);
  });

  it("leaves everything else to Next: no accepted coding, ranges, files without a copy, other paths, escapes", async () => {
    fellThrough = [];
    const asked = [
      ["/_next/static/chunks/app.js", { "accept-encoding": "identity" }],
      ["/_next/static/chunks/app.js", { "accept-encoding": "br", range: "bytes=0-9" }],
      ["/_next/static/chunks/tiny.js", { "accept-encoding": "br" }],
      ["/_next/static/chunks/missing.js", { "accept-encoding": "br" }],
      ["/_next/static/chunks/stale.js", { "accept-encoding": "br" }],
      ["/_next/static/chunks/app.js.br", { "accept-encoding": "br" }],
      ["/api/health", { "accept-encoding": "br" }],
      ["/_next/static/..%2Fsecret.js", { "accept-encoding": "br" }],
      ["/_next/static/%E0%A4%A.js", { "accept-encoding": "br" }],
    ] as const;
    for (const [pathname, headers] of asked) {
      const res = await get(pathname, headers);
      expect(res.body.toString(), pathname).toBe("to Next");
    }
    expect(fellThrough).toHaveLength(asked.length);
    const post = await get("/_next/static/chunks/app.js", { "accept-encoding": "br" }, "POST");
    expect(post.body.toString()).toBe("to Next");
  });
});

describe("the production server", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("serves the basemap archive by the byte ranges its reader asks for, as it is on disk", async () => {
    const built = fs.readFileSync(path.join(process.cwd(), "public", "basemap", "basemap.pmtiles"));
    const res = await fetch(`${app.url}/basemap/basemap.pmtiles`, {
      headers: { range: "bytes=0-16383", "accept-encoding": "br, gzip" },
    });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes 0-16383/${built.length}`);
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(Buffer.from(await res.arrayBuffer()).equals(built.subarray(0, 16_384))).toBe(true);
  });

  it("keeps an idle connection open longer than a load balancer would, and says so", async () => {
    const answer = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http.get(`${app.url}/api/health`, { agent: new http.Agent({ keepAlive: true }) }, resolve).on("error", reject);
    });
    answer.resume();
    expect(answer.headers.connection).toBe("keep-alive");
    expect(answer.headers["keep-alive"]).toBe(`timeout=${KEEP_ALIVE_MS / 1000}`);
    expect(KEEP_ALIVE_MS).toBeGreaterThan(60_000);
  });

  it("serves the sign-in page's scripts as Brotli, byte for byte the build's, and pages as Next does", async () => {
    const page = await fetch(`${app.url}/signin`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self' 'nonce-");
    const html = await page.text();
    const scripts = [...html.matchAll(/src="(\/_next\/static\/chunks\/[^"]+\.js)"/g)].map((m) => m[1] as string);
    expect(scripts.length).toBeGreaterThan(0);
    let brotli = 0;
    for (const src of scripts) {
      const res = await fetch(`${app.url}${src}`, { headers: { "accept-encoding": "br, gzip" } });
      expect(res.status).toBe(200);
      const built = fs.readFileSync(path.join(process.cwd(), ".next", src.replace("/_next/", "")));
      expect(Buffer.from(await res.arrayBuffer()).equals(built), src).toBe(true);
      if (res.headers.get("content-encoding") === "br") brotli += 1;
    }
    // Files under 1 KiB have no copy and go to Next; the framework's chunks all have one.
    expect(brotli).toBeGreaterThanOrEqual(scripts.length - 2);
  });
});
