/**
 * The console at scale: the production build with the sandbox at N body cameras (1,000, 5,000,
 * 10,000) and 300 live callers, every camera reporting each second, one console in Debian's
 * Chromium (software WebGL). For each N, in one run:
 *
 * 1. weight: the JavaScript the console page loads (as served: the bytes on the wire, Brotli from
 *    tools/serve.mjs; and the same gzipped, as `next start` would send it) and the time from navigation
 *    to usable (map ready and the device list filled): on the server's first page, and again in a
 *    fresh browser context once the server is warm;
 * 2. 2 × BATCHES device batches, one a second (the bench makes the page "visible" again, which
 *    refetches every live query, as focus does), alternating incremental updates and the baseline
 *    (`window.__dmMapUpdates = "full"`: every batch replaced with setData, as the console did
 *    before), each timed in the page: building the features (`dm:devices-build`) plus diffing and
 *    handing them over to MapLibre until it has serialised and posted them to its worker (`dm:devices`);
 * 3. pan and zoom for 10 s while batches keep coming: frames over 33 ms, long tasks;
 * 4. JS heap after a garbage collection.
 *
 * Besides the layer's own time, each phase reports the page's whole main-thread time per batch
 * (Chrome's TaskDuration, everything: React, lists, MapLibre's tile work), which software WebGL
 * inflates. Compare within one run; the machine may be shared.
 *
 *   npm run build && npm run bench:map        (SIZES=5000 BATCHES=30 OPEN_CALLS=300 PORT=3501)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from "@playwright/test";
import { NearestIndex } from "@/lib/geo/nearest";
import { signIn, startApp, type RunningApp } from "@/testing/app-server";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@/testing/chromium";
import { percentile } from "./stats";

const SIZES = (process.env.SIZES ?? "1000,5000,10000").split(",").map(Number);
const BATCHES = Number(process.env.BATCHES ?? 25);
const OPEN_CALLS = Number(process.env.OPEN_CALLS ?? 300);
const PORT = Number(process.env.PORT ?? 3501);
const PAN_SECONDS = 10;
const RESULTS_DIR = path.join(process.cwd(), "bench", "results");

interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}
const stats = (values: number[]): Stats => {
  const s = [...values].sort((a, b) => a - b);
  const r = (v: number) => Math.round(v * 100) / 100;
  return { n: s.length, p50: r(percentile(s, 50)), p95: r(percentile(s, 95)), max: r(s[s.length - 1] ?? NaN) };
};

interface PhaseResult {
  /** Build + diff + hand-over per batch, in the page (ms). */
  batch: Stats;
  /** Of which: diff and hand-over to MapLibre only. */
  layer: Stats;
  /** The page's whole main-thread time per batch (CDP TaskDuration over the phase / batches). */
  mainThreadPerBatchMs: number;
  longTasks: number;
  longTaskMs: number;
  kinds: Record<string, number>;
}

interface SizeResult {
  devices: number;
  /** % of update measures that ended after MapLibre posted the update to its worker. */
  handoverCaught: number;
  callsOpen: number;
  /** jsServedKiB: the bytes that crossed the wire (Brotli); jsGzipKiB: the same scripts gzipped, as `next start` sends them. */
  weight: { jsServedKiB: number; jsGzipKiB: number; jsRawKiB: number; firstLoadGzipKiB: number; files: number; workerGzipKiB: number; usableMs: number; warmUsableMs: number };
  incremental: PhaseResult;
  full: PhaseResult;
  ratioP50: number;
  ratioP95: number;
  pan: { frames: number; over33: number; over33Pct: number; p95FrameMs: number; longTasks: number };
  heapMB: number;
  nearest: Stats;
}

/** Before any page script: note when MapLibre posts each "load data" (LD) message to a worker. */
const POST_PROBE = `(() => {
  const posts = [];
  window.__mapPosts = posts;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    const result = post.call(this, message, ...rest);
    if (message && message.type === "LD") posts.push({ end: performance.now() });
    return result;
  };
})()`;

/** In-page probes, as source text: performance measures, long tasks, frame times. */
const PROBES = `(() => {
  const probe = { measures: [], longTasks: [], frames: [], recording: false, posts: window.__mapPosts || [] };
  window.__mapProbe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name.startsWith("dm:devices")) probe.measures.push({ name: e.name, start: e.startTime, duration: e.duration, detail: e.detail });
  }).observe({ type: "measure" });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask" });
  let last = 0;
  const frame = (t) => {
    if (probe.recording && last) probe.frames.push(t - last);
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

type Strategy = "incremental" | "full";

interface Probe {
  /** End times of MapLibre's "load data" messages to its workers (serialised and posted). */
  posts: { end: number }[];
  measures: { name: string; start: number; duration: number; detail: { strategy: string; kinds: string[]; count: number } | null }[];
  longTasks: { start: number; duration: number }[];
  frames: number[];
  recording: boolean;
}
declare global {
  interface Window {
    __mapProbe?: Probe;
  }
}

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function control<T>(app: RunningApp, method: "GET" | "POST", route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${app.url}/sandbox/control/${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
  return metrics.find((m) => m.name === "TaskDuration")?.value ?? 0;
}

/** Open the live callers in this console's list, a few at a time (each open is an audited LEI lookup). */
async function openCalls(app: RunningApp, cookie: string, count: number): Promise<number> {
  const { callers } = await control<{ callers: { phone: string; status: string }[] }>(app, "GET", "scenario");
  const phones = callers.filter((c) => c.status === "active").map((c) => c.phone).slice(0, count);
  let opened = 0;
  for (let i = 0; i < phones.length; i += 6) {
    const results = await Promise.all(
      phones.slice(i, i + 6).map((phone) =>
        fetch(`${app.url}/api/calls`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ phone }) }),
      ),
    );
    opened += results.filter((r) => r.ok).length;
  }
  return opened;
}

/**
 * 2 × BATCHES device batches, one a second, alternating incremental and full-replacement updates,
 * so both see the same data sizes and the same machine load (the machine may be shared).
 */
async function runBatches(page: Page, cdp: CDPSession): Promise<{ incremental: PhaseResult; full: PhaseResult; handoverCaught: number }> {
  const from = (await page.evaluate(() => window.__mapProbe?.measures.length ?? 0)) as number;
  const busy: Record<Strategy, number[]> = { incremental: [], full: [] };
  const windows: { strategy: Strategy; from: number; to: number }[] = [];
  for (let i = 0; i < 2 * BATCHES; i++) {
    const strategy: Strategy = i % 2 === 0 ? "incremental" : "full";
    const before = (await page.evaluate((s) => {
      window.__dmMapUpdates = s;
      return { n: window.__mapProbe?.measures.filter((m) => m.name === "dm:devices").length ?? 0, at: performance.now() };
    }, strategy)) as { n: number; at: number };
    const busy0 = await taskSeconds(cdp);
    // As focus does: every live query refetches; the sandbox has moved every camera since the last.
    await page.evaluate(() => window.dispatchEvent(new Event("visibilitychange")));
    await page
      .waitForFunction((n) => (window.__mapProbe?.measures.filter((m) => m.name === "dm:devices").length ?? 0) > n, before.n, { timeout: 15_000, polling: 50 })
      .catch(() => undefined);
    await sleep(1000);
    busy[strategy].push((await taskSeconds(cdp)) - busy0);
    windows.push({ strategy, from: before.at, to: (await page.evaluate(() => performance.now())) as number });
  }
  const probe = (await page.evaluate(() => window.__mapProbe)) as Probe;
  const measures = probe.measures.slice(from);
  const phase = (strategy: Strategy): PhaseResult => {
    const batch: number[] = [];
    const layer: number[] = [];
    const kinds: Record<string, number> = {};
    let lastBuild = 0;
    for (const m of measures) {
      if (m.name === "dm:devices-build") {
        lastBuild = m.duration;
        continue;
      }
      if (m.detail?.strategy !== strategy || (m.detail?.count ?? 0) === 0) continue;
      const kind = m.detail.kinds.join("+");
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      if (m.detail.kinds.every((k) => k === "none")) continue; // nothing changed: not an update batch
      layer.push(m.duration);
      batch.push(m.duration + lastBuild);
      lastBuild = 0;
    }
    const inPhase = (t: number) => windows.some((w) => w.strategy === strategy && t >= w.from && t <= w.to);
    const longTasks = probe.longTasks.filter((t) => inPhase(t.start));
    const perBatch = busy[strategy];
    return {
      batch: stats(batch),
      layer: stats(layer),
      mainThreadPerBatchMs: Math.round((perBatch.reduce((a, b) => a + b, 0) * 1000) / Math.max(1, perBatch.length)),
      longTasks: longTasks.length,
      longTaskMs: Math.round(longTasks.reduce((a, t) => a + t.duration, 0)),
      kinds,
    };
  };
  // Did each measure end after MapLibre posted its update to the worker (so it holds the hand-over)?
  const device = measures.filter((m) => m.name === "dm:devices" && m.detail && !m.detail.kinds.every((k) => k === "none"));
  const caught = device.filter((m) => probe.posts.some((p) => p.end <= m.start + m.duration && p.end >= m.start)).length;
  return { incremental: phase("incremental"), full: phase("full"), handoverCaught: Math.round((caught / Math.max(1, device.length)) * 100) };
}

async function panAndZoom(page: Page): Promise<SizeResult["pan"]> {
  const map = page.locator("[role=region][data-map-ready=true]");
  const box = await map.boundingBox();
  if (!box) throw new Error("no map on the page");
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const longFrom = (await page.evaluate(() => performance.now())) as number;
  await page.evaluate(() => {
    if (window.__mapProbe) {
      window.__mapProbe.frames = [];
      window.__mapProbe.recording = true;
    }
  });
  const end = Date.now() + PAN_SECONDS * 1000;
  let step = 0;
  let nextBatch = Date.now() + 1000;
  while (Date.now() < end) {
    if (Date.now() >= nextBatch) {
      await page.evaluate(() => window.dispatchEvent(new Event("visibilitychange")));
      nextBatch += 1000;
    }
    if (step % 4 === 3) {
      await page.mouse.move(cx, cy);
      await page.mouse.wheel(0, step % 8 === 3 ? -240 : 240);
      await sleep(150);
    } else {
      const dx = step % 2 === 0 ? 160 : -160;
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let i = 1; i <= 10; i++) await page.mouse.move(cx + (dx * i) / 10, cy + (dx * i) / 20);
      await page.mouse.up();
    }
    step += 1;
  }
  const probe = (await page.evaluate(() => {
    if (window.__mapProbe) window.__mapProbe.recording = false;
    return window.__mapProbe;
  })) as Probe;
  const frames = probe.frames;
  const over = frames.filter((f) => f > 33.4).length;
  return {
    frames: frames.length,
    over33: over,
    over33Pct: Math.round((over / Math.max(1, frames.length)) * 1000) / 10,
    p95FrameMs: Math.round(percentile([...frames].sort((a, b) => a - b), 95) * 10) / 10,
    longTasks: probe.longTasks.filter((t) => t.start >= longFrom).length,
  };
}

/** Ranking N cameras for one caller with the console's own index (build + 10 nearest), in Node's V8. */
function nearestTimes(app: { devices: { location: { latitude: number; longitude: number } | null }[] }): Stats {
  const origin = { latitude: 40.4406, longitude: -79.9959 };
  const runs: number[] = [];
  for (let i = 0; i < 220; i++) {
    const t0 = performance.now();
    new NearestIndex(app.devices, (d) => d.location).nearest(origin, 10);
    runs.push(performance.now() - t0);
  }
  return stats(runs.slice(20));
}

/** Navigation to usable (map ready, device list filled) in a fresh context signed in as `signedIn` is. */
async function usableInNewContext(browser: Browser, url: string, signedIn: BrowserContext): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addCookies(await signedIn.cookies());
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${url}/`);
    await page.locator("[role=region][data-map-ready=true]").waitFor({ timeout: 120_000 });
    await page.getByRole("listbox", { name: "Devices" }).getByRole("option").first().waitFor({ timeout: 120_000 });
    return Date.now() - t0;
  } finally {
    await context.close();
  }
}

async function measureSize(browser: Browser, devices: number): Promise<SizeResult> {
  console.log(`\n== ${devices} cameras: starting the production build on port ${PORT} (load ${load()})`);
  const app = await startApp(
    {
      SANDBOX_DEVICES: String(devices),
      SANDBOX_CALLERS: "300",
      SANDBOX_DEVICE_REPORT_MS: "1000",
      AXON_PAGE_SIZE: "2000",
      SANDBOX_LEI_RATE_LIMIT_PER_MINUTE: "100000",
    },
    { port: PORT },
  );
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  let measured: Omit<SizeResult, "nearest">;
  let cameras: { location: { latitude: number; longitude: number } | null }[];
  try {
    const cookie = await signIn(app.url, "telecommunicator@sandbox.local", "sandbox-demo");
    const callsOpen = await openCalls(app, cookie, OPEN_CALLS);
    console.log(`opened ${callsOpen} calls`);
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const i = pair.indexOf("=");
        return { name: pair.slice(0, i), value: pair.slice(i + 1), url: app.url };
      }),
    );
    // The server's first page, in a context of its own and closed before the measured one opens;
    // the measured page then shows a console opened on a running server (the usual case in a center).
    const usableMs = await usableInNewContext(browser, app.url, context);
    const page = await context.newPage();
    await page.addInitScript(POST_PROBE);
    const scripts: { url: string; raw: number; gzip: number; served: number }[] = [];
    page.on("response", (res) => {
      const url = res.url();
      if (!/\.m?js(\?|$)/.test(url)) return;
      void Promise.all([res.body(), res.request().sizes()])
        .then(([b, sizes]) => scripts.push({ url, raw: b.length, gzip: zlib.gzipSync(b).length, served: sizes.responseBodySize }))
        .catch(() => undefined);
    });
    const t0 = Date.now();
    await page.goto(`${app.url}/`);
    await page.locator("[role=region][data-map-ready=true]").waitFor({ timeout: 120_000 });
    await page.getByRole("listbox", { name: "Devices" }).getByRole("option").first().waitFor({ timeout: 120_000 });
    const warmUsableMs = Date.now() - t0;
    await sleep(3000);
    // The route's first-load JS: what its HTML names; everything else the page loaded came later, on demand.
    const html = await (await fetch(`${app.url}/`, { headers: { cookie } })).text();
    const named = new Set([...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => new URL(m[1] as string, app.url).href));
    const isWorker = (u: string) => u.includes("worker");
    const kib = (n: number) => Math.round((n / 1024) * 10) / 10;
    const weight = {
      jsServedKiB: kib(scripts.filter((s) => !isWorker(s.url)).reduce((a, s) => a + s.served, 0)),
      jsGzipKiB: kib(scripts.filter((s) => !isWorker(s.url)).reduce((a, s) => a + s.gzip, 0)),
      jsRawKiB: kib(scripts.filter((s) => !isWorker(s.url)).reduce((a, s) => a + s.raw, 0)),
      firstLoadGzipKiB: kib(scripts.filter((s) => named.has(s.url)).reduce((a, s) => a + s.gzip, 0)),
      files: scripts.length,
      workerGzipKiB: kib(scripts.filter((s) => isWorker(s.url)).reduce((a, s) => a + s.gzip, 0)),
      usableMs,
      warmUsableMs,
    };
    console.log(
      `weight: ${weight.jsServedKiB} KiB JS as served (${weight.jsGzipKiB} KiB gzipped) in ${weight.files} files, of which ${weight.firstLoadGzipKiB} KiB named by the page (first load) and the rest on demand (+ MapLibre's worker ${weight.workerGzipKiB} KiB); usable after ${usableMs} ms (server just started), ${warmUsableMs} ms (running server)`,
    );

    await page.evaluate(PROBES);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    // A caller selected, as on a real console: the nearest officers are ranked and drawn every batch.
    await page
      .getByRole("listbox", { name: "Calls" })
      .getByRole("option")
      .first()
      .click({ timeout: 120_000 })
      .catch(() => console.log("could not select a caller (the page is saturated): measuring without one"));
    await sleep(2000);

    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    // A saturated page may not produce a frame for a while: wait long, but never fail the run for it.
    await page.screenshot({ path: path.join(RESULTS_DIR, `console-${devices}.png`), timeout: 120_000 }).catch((err: unknown) => {
      console.log(`no screenshot: ${String(err).split("\n")[0]}`);
    });
    const { incremental, full, handoverCaught } = await runBatches(page, cdp);
    console.log(`incremental: batch p50 ${incremental.batch.p50} ms, p95 ${incremental.batch.p95} ms (${incremental.batch.n} batches)`);
    console.log(`full setData: batch p50 ${full.batch.p50} ms, p95 ${full.batch.p95} ms (${full.batch.n} batches)`);
    console.log(`measures that include MapLibre's hand-over to its worker: ${handoverCaught}%`);
    await page.evaluate(() => {
      window.__dmMapUpdates = "incremental";
    });
    const pan = await panAndZoom(page);
    console.log(`pan/zoom: ${pan.over33}/${pan.frames} frames over 33 ms (${pan.over33Pct}%)`);
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
    const { devices: list } = (await (await fetch(`${app.url}/api/devices`, { headers: { cookie } })).json()) as {
      devices: { location: { latitude: number; longitude: number } | null }[];
    };
    measured = {
      devices,
      callsOpen,
      handoverCaught,
      weight,
      incremental,
      full,
      ratioP50: Math.round((full.batch.p50 / incremental.batch.p50) * 10) / 10,
      ratioP95: Math.round((full.batch.p95 / incremental.batch.p95) * 10) / 10,
      pan,
      heapMB: Math.round(heap.usedSize / 1e6),
    };
    cameras = list;
  } finally {
    await context.close();
    await app.stop();
  }
  // Ranking is CPU work in the page's JS engine: timed once the page and the server are gone, so it
  // measures the ranking, not the software-rendered map and the sandbox competing for two cores.
  return { ...measured, nearest: nearestTimes({ devices: cameras }) };
}

async function main(): Promise<void> {
  const machine = { cpus: os.cpus().length, loadBefore: load(), loadAfter: "" };
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const results: SizeResult[] = [];
  try {
    for (const n of SIZES) results.push(await measureSize(browser, n));
  } finally {
    await browser.close();
  }
  machine.loadAfter = load();
  console.log(`\nMap updates per device batch, every camera reporting each second (${BATCHES} batches per phase; ms in the page):`);
  console.table(
    results.map((r) => ({
      cameras: r.devices,
      "calls open": r.callsOpen,
      "incr p50": r.incremental.batch.p50,
      "incr p95": r.incremental.batch.p95,
      "full p50": r.full.batch.p50,
      "full p95": r.full.batch.p95,
      "ratio p95": r.ratioP95,
      "page main/batch incr": r.incremental.mainThreadPerBatchMs,
      "page main/batch full": r.full.mainThreadPerBatchMs,
      "long tasks incr/full": `${r.incremental.longTasks}/${r.full.longTasks}`,
      "pan >33ms %": r.pan.over33Pct,
      "heap MB": r.heapMB,
      "nearest p95": r.nearest.p95,
      "JS KiB served / gzip": `${r.weight.jsServedKiB} / ${r.weight.jsGzipKiB}`,
      "usable ms cold/warm": `${r.weight.usableMs}/${r.weight.warmUsableMs}`,
    })),
  );
  console.log(`Load average ${machine.loadBefore} → ${machine.loadAfter} on ${machine.cpus} CPUs.`);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `map-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), batches: BATCHES, machine, results }, null, 2));
  console.log(`Written to ${path.relative(process.cwd(), file)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
