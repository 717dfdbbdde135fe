/**
 * A restart with a center's screens open: N consoles' live streams on one instance, the instance
 * stopped (SIGTERM) and started again on the same port and data folder, as an upgrade or a crash
 * would do. Each stream behaves as a browser's EventSource: when the connection drops, or an attempt
 * fails, it tries again after the `retry:` delay the server last sent it (lib/live/sse.ts: 2–5 s,
 * chosen per stream, so a center's screens do not come back in the same second).
 *
 * Two restarts in one run: with the delays the server sends, then with every stream using one
 * fixed 2-s delay (what the stream sent before the jitter), for the comparison. For each: how long
 * after the server answered again the streams were back (p50/p95/max), the most that came back in
 * one 250-ms slot and in one second, how long opening a stream took, and a call-list poll's p95
 * over the first 10 s, when the burst lands.
 *
 *   npm run build && npm run bench:restart        (STREAMS=200 PORT=3502; JSON to bench/results/)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { signIn, startApp, type RunningApp } from "@/testing/app-server";
import { percentile } from "./stats";

const STREAMS = Number(process.env.STREAMS ?? 200);
const PORT = Number(process.env.PORT ?? 3502);
const FIXED_RETRY_MS = 2_000;
const AFTER_S = 10;
const RESULTS_DIR = path.join(process.cwd(), "bench", "results");
/** Streams are capped per session (lib/live/stream-limits.ts): five a session. */
const STREAMS_PER_SESSION = 5;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number) => Math.round(n);

/** One console's stream, reconnecting as EventSource does. */
class Stream {
  retryMs = FIXED_RETRY_MS;
  /** performance.now() of each connection's first byte. */
  readonly connects: number[] = [];
  /** How long each successful open took, request to first byte (ms). */
  readonly openMs: number[] = [];
  #stopped = false;
  #abort = new AbortController();

  constructor(
    private readonly url: string,
    private readonly cookie: string,
    private readonly fixedRetryMs: number | null,
  ) {}

  async run(): Promise<void> {
    while (!this.#stopped) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${this.url}/api/events`, { headers: { cookie: this.cookie }, signal: this.#abort.signal });
        if (res.ok && res.body) {
          const reader = res.body.getReader();
          const decoder = new TextDecoder();
          let first = true;
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            if (first) {
              first = false;
              const now = performance.now();
              this.connects.push(now);
              this.openMs.push(now - t0);
            }
            const retry = /^retry: (\d+)$/m.exec(decoder.decode(value, { stream: true }));
            if (retry) this.retryMs = Number(retry[1]);
          }
        } else {
          await res.body?.cancel();
        }
      } catch {
        // refused while the server is down, or cut when it stopped: try again after the delay
      }
      if (this.#stopped) return;
      await sleep(this.fixedRetryMs ?? this.retryMs);
    }
  }

  stop(): void {
    this.#stopped = true;
    this.#abort.abort();
  }
}

interface PhaseResult {
  retry: string;
  streams: number;
  reconnected: number;
  /** Seconds after the restarted server first answered its health check. */
  backS: { p50: number; p95: number; max: number };
  busiest250ms: number;
  busiestSecond: number;
  openP95Ms: number;
  callsPollP95Ms: number;
  downMs: number;
}

async function pollCalls(url: string, cookie: string, until: number): Promise<number[]> {
  const times: number[] = [];
  while (performance.now() < until) {
    const t0 = performance.now();
    try {
      const res = await fetch(`${url}/api/calls`, { headers: { cookie } });
      await res.arrayBuffer();
      if (res.ok) times.push(performance.now() - t0);
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  return times;
}

async function phase(app: RunningApp, dataDir: string, cookies: string[], fixedRetryMs: number | null): Promise<{ result: PhaseResult; app: RunningApp }> {
  const label = fixedRetryMs === null ? "as the server sends (2–5 s)" : `fixed ${fixedRetryMs / 1000} s`;
  console.log(`\n== ${STREAMS} streams, retry ${label}`);
  const streams = Array.from({ length: STREAMS }, (_, k) => new Stream(app.url, cookies[Math.floor(k / STREAMS_PER_SESSION)]!, fixedRetryMs));
  const running = streams.map((s) => s.run());
  const deadline = performance.now() + 60_000;
  while (streams.some((s) => s.connects.length === 0) && performance.now() < deadline) await sleep(200);
  console.log(`${streams.filter((s) => s.connects.length > 0).length} streams open; restarting the server`);
  await sleep(1_000);

  const downAt = performance.now();
  await app.stop();
  const restarted = await startApp({ LOG_LEVEL: "error" }, { port: PORT, dataDir });
  const upAt = performance.now();
  console.log(`down for ${round(upAt - downAt)} ms (stop, start, health check)`);
  const polls = await pollCalls(restarted.url, cookies[0]!, upAt + AFTER_S * 1_000);
  // A moment more for a stream whose last attempt came just before the 10 s ended.
  await sleep(1_000);

  const back = streams.map((s) => s.connects.find((t) => t > downAt)).filter((t): t is number => t !== undefined);
  const since = back.map((t) => (t - upAt) / 1_000).sort((a, b) => a - b);
  const slots = (width: number) => {
    const counts = new Map<number, number>();
    for (const t of back) counts.set(Math.floor((t - upAt) / width), (counts.get(Math.floor((t - upAt) / width)) ?? 0) + 1);
    return Math.max(0, ...counts.values());
  };
  const opens = streams.flatMap((s) => s.openMs.slice(1)).sort((a, b) => a - b);
  for (const s of streams) s.stop();
  await Promise.allSettled(running);
  const r2 = (n: number) => Math.round(n * 100) / 100;
  const result: PhaseResult = {
    retry: label,
    streams: STREAMS,
    reconnected: back.length,
    backS: { p50: r2(percentile(since, 50)), p95: r2(percentile(since, 95)), max: r2(since[since.length - 1] ?? NaN) },
    busiest250ms: slots(250),
    busiestSecond: slots(1_000),
    openP95Ms: round(percentile(opens, 95)),
    callsPollP95Ms: round(percentile([...polls].sort((a, b) => a - b), 95)),
    downMs: round(upAt - downAt),
  };
  console.log(JSON.stringify(result));
  return { result, app: restarted };
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dm-restart-"));
  let app = await startApp({ LOG_LEVEL: "error" }, { port: PORT, dataDir });
  const results: PhaseResult[] = [];
  try {
    const cookies: string[] = [];
    for (let k = 0; k < Math.ceil(STREAMS / STREAMS_PER_SESSION); k++) {
      cookies.push(await signIn(app.url, "telecommunicator@sandbox.local", "sandbox-demo"));
    }
    for (const fixed of [null, FIXED_RETRY_MS]) {
      const run = await phase(app, dataDir, cookies, fixed);
      app = run.app;
      results.push(run.result);
    }
  } finally {
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`\nStreams back after a restart (${STREAMS} streams; seconds after the server answered again):`);
  console.table(
    results.map((r) => ({
      retry: r.retry,
      back: `${r.reconnected}/${r.streams}`,
      "p50 s": r.backS.p50,
      "p95 s": r.backS.p95,
      "max s": r.backS.max,
      "most in 250 ms": r.busiest250ms,
      "most in 1 s": r.busiestSecond,
      "stream open p95 ms": r.openP95Ms,
      "calls poll p95 ms (first 10 s)": r.callsPollP95Ms,
    })),
  );
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `restart-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), streams: STREAMS, machine: { cpus: os.cpus().length, load: os.loadavg() }, results }, null, 2));
  console.log(`Written to ${path.relative(process.cwd(), file)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
