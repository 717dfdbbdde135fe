/**
 * A center's load on one instance: N consoles as the browser really behaves (the live stream open,
 * devices polled by version every 15 s while it is, calls polled every 3 s with If-None-Match), plus
 * LEI lookups of the sandbox's live numbers at a steady rate. Then, in the same run: the proxy's
 * lookup overhead against a direct sandbox call (interleaved), and 1,000 open streams (memory, and
 * how fast one change reaches all of them).
 *
 *   npm run build && npm run bench:load -- --consoles 200 --lookups 100 --seconds 60 [--database-url postgres://…]
 *
 * Reports failures, p50/p95/p99 per route, upstream requests per interval from the sandbox's own
 * counters, 429s a console saw, and the server's CPU and RSS. The generator runs on the same machine
 * as the server, so absolute times are shapes; the JSON (bench/results/) carries the machine's load.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { signIn, startApp, type RunningApp } from "@/testing/app-server";
import { percentile } from "./stats";

const { values: args } = parseArgs({
  options: {
    consoles: { type: "string", default: "200" },
    lookups: { type: "string", default: "100" },
    seconds: { type: "string", default: "60" },
    streams: { type: "string", default: "1000" },
    "database-url": { type: "string" },
  },
});
const CONSOLES = Number(args.consoles);
const LOOKUPS_PER_S = Number(args.lookups);
const SECONDS = Number(args.seconds);
const STREAMS = Number(args.streams);
const LIVE_NUMBERS = ["14125550101", "14125550102", "14125550103"];
const CALLS_POLL_MS = 3_000;
const DEVICES_POLL_LIVE_MS = 15_000;
const AXON_INTERVAL_MS = 5_000;
const LEI_INTERVAL_MS = 3_000;
const RESULTS_DIR = path.join(process.cwd(), "bench", "results");


type Route = "devices" | "calls" | "lookup" | "stream";
const samples: Record<Route, number[]> = { devices: [], calls: [], lookup: [], stream: [] };
/** Every answer's [ms since the load started, ms it took]: where in the run the slow ones were. */
const timeline: [number, number, Route][] = [];
let loadStartedAt = 0;
const WINDOW_S = 10;
const failures: Record<string, number> = {};
let consoleSaw429 = 0;
let stopping = false;

function fail(what: string) {
  failures[what] = (failures[what] ?? 0) + 1;
}

async function timed(route: Route, url: string, init: RequestInit): Promise<Response | null> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, init);
    await res.arrayBuffer();
    samples[route].push(performance.now() - t0);
    if (loadStartedAt > 0) timeline.push([t0 - loadStartedAt, performance.now() - t0, route]);
    if (res.status === 429) consoleSaw429 += 1;
    if (res.status >= 400) fail(`${route} ${res.status}`);
    return res;
  } catch (err) {
    if (!stopping) fail(`${route} ${(err as Error).name}`);
    return null;
  }
}

/** One console: stream open, devices by version, calls by ETag, at the browser's intervals. */
async function runConsole(app: RunningApp, cookie: string, index: number, until: number): Promise<void> {
  const headers = { cookie };
  // Opening the stream is timed to its headers (the stream itself stays open).
  const t0 = performance.now();
  const stream = await fetch(`${app.url}/api/events`, { headers }).catch(() => null);
  samples.stream.push(performance.now() - t0);
  if (loadStartedAt > 0) timeline.push([t0 - loadStartedAt, performance.now() - t0, "stream"]);
  if (!stream?.ok) fail("events open");
  const reader = stream?.body?.getReader();
  void (async () => {
    for (;;) {
      const r = await reader?.read().catch(() => ({ done: true }));
      if (!r || r.done) return;
    }
  })();
  let version = 0;
  let etag: string | null = null;
  // Spread the consoles over the intervals, as screens opened at different moments would be.
  let nextDevices = Date.now() + ((index * 997) % DEVICES_POLL_LIVE_MS);
  let nextCalls = Date.now() + ((index * 331) % CALLS_POLL_MS);
  while (Date.now() < until) {
    const now = Date.now();
    if (now >= nextCalls) {
      nextCalls = now + CALLS_POLL_MS;
      const res = await timed("calls", `${app.url}/api/calls`, { headers: etag ? { ...headers, "if-none-match": etag } : headers });
      etag = res?.headers.get("etag") ?? etag;
    }
    if (now >= nextDevices) {
      nextDevices = now + DEVICES_POLL_LIVE_MS;
      const res = await timed("devices", `${app.url}/api/devices${version ? `?since=${version}` : ""}`, { headers });
      const tag = res?.headers.get("etag");
      if (tag) version = Number(tag.replace(/\D/g, "")) || version;
    }
    await sleep(Math.max(10, Math.min(nextCalls, nextDevices) - Date.now()));
  }
  await reader?.cancel().catch(() => undefined);
}

/** LEI lookups of the live numbers at a steady rate, spread over the sessions. */
async function runLookups(app: RunningApp, cookies: string[], until: number): Promise<void> {
  const inFlight: Promise<unknown>[] = [];
  let i = 0;
  const start = Date.now();
  while (Date.now() < until) {
    const due = Math.floor(((Date.now() - start) / 1000) * LOOKUPS_PER_S);
    while (i < due) {
      const phone = LIVE_NUMBERS[i % LIVE_NUMBERS.length]!;
      inFlight.push(timed("lookup", `${app.url}/api/lei/location?caller_id=${phone}`, { headers: { cookie: cookies[i % cookies.length]! } }));
      i += 1;
    }
    await sleep(10);
  }
  await Promise.all(inFlight);
}

/** The proxy's overhead over asking the sandbox's LEI directly, interleaved so both see the same machine. */
async function lookupOverhead(app: RunningApp, cookie: string, n = 200): Promise<{ p50: number; p99: number; proxyP50: number; directP50: number }> {
  const token = await (
    await fetch(`${app.url}/sandbox/rapidsos/oauth/token`, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: "sandbox-rapidsos-client", client_secret: "sandbox-rapidsos-secret" }),
    })
  ).json() as { access_token: string };
  const proxy: number[] = [];
  const direct: number[] = [];
  for (let k = 0; k < n; k++) {
    const phone = LIVE_NUMBERS[k % LIVE_NUMBERS.length]!;
    const measure = async (url: string, headers: Record<string, string>) => {
      const t0 = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      return performance.now() - t0;
    };
    const d = await measure(`${app.url}/sandbox/rapidsos/v1/rsos/location?caller_id=${phone}`, { authorization: `Bearer ${token.access_token}` });
    const p = await measure(`${app.url}/api/lei/location?caller_id=${phone}`, { cookie });
    direct.push(d);
    proxy.push(p);
  }
  const overhead = proxy.map((p, k) => p - direct[k]!).sort((a, b) => a - b);
  const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
  return { p50: percentile(overhead, 50), p99: percentile(overhead, 99), proxyP50: percentile(sorted(proxy), 50), directP50: percentile(sorted(direct), 50) };
}

/** Open many streams; the memory they cost; how fast one change reaches all of them. */
async function manyStreams(app: RunningApp, cookies: string[]): Promise<{ streams: number; rssMbBefore: number; rssMbAfter: number; reachP50: number; reachP95: number; reached: number }> {
  const rssMbBefore = serverStats(app).rssMb;
  const arrivals: number[] = [];
  let t0 = 0;
  const readers: ReadableStreamDefaultReader<Uint8Array>[] = [];
  for (let k = 0; k < STREAMS; k++) {
    const res = await fetch(`${app.url}/api/events`, { headers: { cookie: cookies[k % cookies.length]! } }).catch(() => null);
    if (!res?.ok || !res.body) {
      fail("stream open");
      continue;
    }
    const reader = res.body.getReader();
    readers.push(reader);
    const decoder = new TextDecoder();
    let seen = false;
    void (async () => {
      for (;;) {
        const r = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (r.done) return;
        if (!seen && t0 > 0 && decoder.decode(r.value, { stream: true }).includes("event: calls")) {
          seen = true;
          arrivals.push(performance.now() - t0);
        }
      }
    })();
  }
  await sleep(2_000);
  const rssMbAfter = serverStats(app).rssMb;
  // One change: a console opens a call, which every console's stream is told about.
  t0 = performance.now();
  await fetch(`${app.url}/api/calls`, {
    method: "POST",
    headers: { cookie: cookies[0]!, "content-type": "application/json" },
    body: JSON.stringify({ phone: "412-555-0102" }),
  });
  await sleep(3_000);
  for (const r of readers) await r.cancel().catch(() => undefined);
  const sorted = [...arrivals].sort((a, b) => a - b);
  return { streams: readers.length, rssMbBefore, rssMbAfter, reachP50: percentile(sorted, 50), reachP95: percentile(sorted, 95), reached: arrivals.length };
}

/** CPU seconds and RSS of the server's process group, from /proc. */
function serverStats(app: RunningApp): { cpuS: number; rssMb: number } {
  let ticks = 0;
  let rssPages = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== app.pid) continue; // process group
      ticks += Number(fields[11]) + Number(fields[12]);
      rssPages += Number(fields[21]);
    } catch {
      // gone
    }
  }
  return { cpuS: ticks / 100, rssMb: Math.round((rssPages * 4096) / 2 ** 20) };
}

async function sandboxCounts(app: RunningApp): Promise<{ rapidsos: { location: number }; axon: { search: number } }> {
  return (await (await fetch(`${app.url}/sandbox/control/requests`)).json()) as { rapidsos: { location: number }; axon: { search: number } };
}

/** p95 and max of every route's answers, per window of the run. */
function windows(): Record<string, number>[] {
  const byWindow = new Map<number, { all: number[] } & Partial<Record<Route, number[]>>>();
  for (const [at, ms, route] of timeline) {
    const w = Math.floor(at / 1000 / WINDOW_S);
    const lists = byWindow.get(w) ?? { all: [] };
    lists.all.push(ms);
    (lists[route] ??= []).push(ms);
    byWindow.set(w, lists);
  }
  const p95 = (values: number[] | undefined) => (values?.length ? Math.round(percentile(values.sort((a, b) => a - b), 95)) : NaN);
  return [...byWindow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([w, lists]) => ({
      from_s: w * WINDOW_S,
      n: lists.all.length,
      p95: p95(lists.all),
      max: Math.round(Math.max(...lists.all)),
      "p95 devices": p95(lists.devices),
      "p95 calls": p95(lists.calls),
      "p95 lookup": p95(lists.lookup),
      "p95 stream open": p95(lists.stream),
    }));
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function main(): Promise<void> {
  const database = args["database-url"] ? "postgresql" : "pglite";
  const app = await startApp({
    ...(args["database-url"] ? { DATABASE_URL: args["database-url"] } : {}),
    // The load comes from one address; the bench is not an attacker.
    LOG_LEVEL: "error",
  });
  try {
    const roles = ["telecommunicator", "supervisor", "admin"];
    // Streams are capped per session (lib/live/stream-limits.ts): five consoles a session at most.
    const sessions = Math.ceil(Math.max(CONSOLES, STREAMS) / 5);
    const cookies: string[] = [];
    for (let k = 0; k < sessions; k++) cookies.push(await signIn(app.url, `${roles[k % 3]}@sandbox.local`, "sandbox-demo"));
    // Warm up: the first device poll and LEI lookups of the live numbers.
    await fetch(`${app.url}/api/devices`, { headers: { cookie: cookies[0]! } });
    for (const phone of LIVE_NUMBERS) await fetch(`${app.url}/api/lei/location?caller_id=${phone}`, { headers: { cookie: cookies[0]! } });
    await sleep(2 * LEI_INTERVAL_MS);

    await fetch(`${app.url}/sandbox/control/requests`, { method: "DELETE" });
    const before = serverStats(app);
    const started = Date.now();
    loadStartedAt = performance.now();
    const until = started + SECONDS * 1000;
    await Promise.all([
      ...Array.from({ length: CONSOLES }, (_, k) => runConsole(app, cookies[k % cookies.length]!, k, until)),
      runLookups(app, cookies, until),
    ]);
    stopping = true;
    const elapsedS = (Date.now() - started) / 1000;
    const after = serverStats(app);
    const upstream = await sandboxCounts(app);
    stopping = false;

    const overhead = await lookupOverhead(app, cookies[0]!);
    await sleep(2_000); // the consoles' streams are closed and released before the streams phase
    const streams = await manyStreams(app, cookies);

    const routes = Object.fromEntries(
      (Object.keys(samples) as Route[]).map((route) => {
        const sorted = [...samples[route]].sort((a, b) => a - b);
        return [route, { n: sorted.length, p50: Math.round(percentile(sorted, 50)), p95: Math.round(percentile(sorted, 95)), p99: Math.round(percentile(sorted, 99)) }];
      }),
    );
    const result = {
      at: new Date().toISOString(),
      database,
      consoles: CONSOLES,
      lookupsPerSecond: LOOKUPS_PER_S,
      seconds: Math.round(elapsedS),
      failures,
      consoleSaw429,
      routes,
      upstream: {
        axonSearches: upstream.axon.search,
        axonSearchesPerInterval: +(upstream.axon.search / (elapsedS / (AXON_INTERVAL_MS / 1000))).toFixed(2),
        leiRequests: upstream.rapidsos.location,
        leiRequestsPerInterval: +(upstream.rapidsos.location / (elapsedS / (LEI_INTERVAL_MS / 1000))).toFixed(2),
      },
      server: { cpuPercent: Math.round(((after.cpuS - before.cpuS) / elapsedS) * 100), rssMb: after.rssMb },
      lookupOverheadMs: { p50: +overhead.p50.toFixed(2), p99: +overhead.p99.toFixed(2), proxyP50: +overhead.proxyP50.toFixed(2), directP50: +overhead.directP50.toFixed(2) },
      streams,
      windows: windows(),
      machine: { cores: os.cpus().length, loadavg: os.loadavg() },
    };

    console.log(`\nLoad: ${CONSOLES} consoles + ${LOOKUPS_PER_S} lookups/s for ${Math.round(elapsedS)} s on ${database} (${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)})\n`);
    console.table(routes);
    console.log("failures:", Object.keys(failures).length ? failures : "none", " · 429s seen by consoles:", consoleSaw429);
    console.table({ upstream: result.upstream });
    console.log(`answers by ${WINDOW_S}-s window of the load (all routes):`);
    console.table(result.windows);
    console.log(`server: ${result.server.cpuPercent}% CPU, ${result.server.rssMb} MB RSS`);
    console.log(`lookup overhead over a direct sandbox call: p50 ${result.lookupOverheadMs.p50} ms, p99 ${result.lookupOverheadMs.p99} ms`);
    console.log(
      `${streams.streams} open streams: RSS ${streams.rssMbBefore} → ${streams.rssMbAfter} MB; one change reached ${streams.reached} of them, p50 ${Math.round(streams.reachP50)} ms, p95 ${Math.round(streams.reachP95)} ms`,
    );
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `load-${database}-${result.at.replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(file, JSON.stringify(result, null, 2));
    console.log(`\n${file}`);
  } finally {
    await app.stop();
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
