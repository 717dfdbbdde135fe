/**
 * Share-to-screen: from the moment RapidSOS posts a Data Share to the moment the call's row is in a
 * signed-in console's DOM. Runs the production build with the embedded sandbox, one console in
 * Debian's Chromium, and shares freshly started sandbox calls one at a time (the clock runs, so every
 * shared call stays live and the tracker polls all of them: the list grows to WARM_UP + SHARES).
 *
 *   npm run build && npm run bench:share          (SHARES=40 for more samples)
 *
 * Every timestamp is `Date.now()` on this machine (node and the page share the clock), so the
 * phases add up: the control API's round trip (token, signature, our handler's 200), the `shared`
 * nudge reaching an EventSource in the page, the `/api/calls` refetch, and the row being rendered.
 * Results go to bench/results/ (git-ignored), with the machine's load, which these numbers follow.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { signIn, startApp, type RunningApp } from "@/testing/app-server";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@/testing/chromium";
import { summarize, type Summary } from "./stats";

const SHARES = Number(process.env.SHARES ?? 25);
const WARM_UP = 2;
/**
 * Shares are spaced 1–3 s apart, stepping through that range, so they land at every phase of the
 * console's 3 s poll and the tracker's 3 s tick rather than back to back (a share every half
 * second is a stress test, not a center's afternoon).
 */
const spacingMs = (i: number) => 1_000 + ((i * 737) % 2_000);
const KINDS = ["walking", "driving", "text"] as const;
const RESULTS_DIR = path.join(process.cwd(), "bench", "results");

interface Sample {
  phone: string;
  /** POST to the sandbox control API until its answer (includes our handler's 200). */
  postMs: number;
  /** Until the `shared` nudge reached the page (null: it never came; polling brought the call). */
  nudgeMs: number | null;
  /** Until the console asked `/api/calls` for the list that first carried the call … */
  requestedMs: number | null;
  /** … how long the server took to start answering it … */
  serverMs: number | null;
  /** … until the network had the whole answer … */
  networkDoneMs: number | null;
  /** … and until the page's JavaScript had it. */
  fetchedMs: number | null;
  /** Until the row was in the console's DOM: the number that matters. */
  screenMs: number;
}

/**
 * Page-side probes, as source text (tsx would wrap named functions in a helper the page lacks):
 * a second EventSource notes when each `shared` nudge lands, a MutationObserver when each row does.
 */
const PROBES = `(() => {
  const probe = { nudges: {}, rows: {}, data: {}, requested: [] };
  window.__shareProbe = probe;
  const fetch0 = window.fetch;
  window.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const calls = url.endsWith("/api/calls") && !(init && init.method);
    const at = Date.now();
    const res = await fetch0(input, init);
    if (calls) {
      probe.requested.push(at);
      res.clone().text().then((text) => {
        const now = Date.now();
        for (const m of text.matchAll(/"phone":"(\\d+)"/g)) if (probe.data[m[1]] === undefined) probe.data[m[1]] = { at: now, requestedAt: at };
      });
    }
    return res;
  };
  const source = new EventSource("/api/events");
  source.addEventListener("shared", (e) => {
    const phone = JSON.parse(String(e.data)).phone;
    probe.nudges[phone] ??= Date.now();
  });
  const scan = () => {
    for (const row of document.querySelectorAll("#call-list [role=option][data-phone]")) probe.rows[row.dataset.phone] ??= Date.now();
  };
  scan();
  new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-phone"] });
})()`;

/** Browser globals the page-side probes write to. */
interface Probe {
  nudges: Record<string, number>;
  rows: Record<string, number>;
  /** When an `/api/calls` answer first carried each phone, and when it had been asked for. */
  data: Record<string, { at: number; requestedAt: number }>;
  /** Every `/api/calls` request the console made (polls and nudges alike). */
  requested: number[];
}
declare global {
  interface Window {
    __shareProbe?: Probe;
  }
}

async function json<T>(app: RunningApp, method: "GET" | "POST", route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${app.url}${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** One console, signed in with the session the app's own sign-in flow issued. */
async function openConsole(app: RunningApp): Promise<{ page: Page; close: () => Promise<void> }> {
  const cookie = await signIn(app.url, "telecommunicator@sandbox.local", "sandbox-demo");
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const i = pair.indexOf("=");
      return { name: pair.slice(0, i), value: pair.slice(i + 1), url: app.url };
    }),
  );
  const page = await context.newPage();
  await page.goto(`${app.url}/`);
  await page.locator("[role=region][data-map-ready=true]").waitFor({ timeout: 60_000 });
  await page.getByRole("listbox", { name: "Devices" }).getByRole("option").first().waitFor({ timeout: 30_000 });
  await page.evaluate(PROBES);
  return { page, close: () => browser.close() };
}

/** Network timing of the `/api/calls` request that started at `startedAt` (epoch ms), if found. */
async function networkTiming(page: Page, startedAt: number): Promise<{ serverMs: number; doneAt: number } | null> {
  return page.evaluate((at) => {
    const entry = performance
      .getEntriesByType("resource")
      .map((e) => e as PerformanceResourceTiming)
      .filter((e) => e.name.endsWith("/api/calls"))
      .sort((a, b) => Math.abs(performance.timeOrigin + a.startTime - at) - Math.abs(performance.timeOrigin + b.startTime - at))[0];
    if (!entry || Math.abs(performance.timeOrigin + entry.startTime - at) > 50) return null;
    return { serverMs: Math.round(entry.responseStart - entry.requestStart), doneAt: Math.round(performance.timeOrigin + entry.responseEnd) };
  }, startedAt);
}

async function shareOnce(app: RunningApp, page: Page, i: number): Promise<Sample> {
  const started = await json<{ phone: string }>(app, "POST", "/sandbox/control/calls", { kind: KINDS[i % KINDS.length] });
  const phone = started.phone;
  const t0 = Date.now();
  const result = await json<{ attempts: { status: number | null }[] }>(app, "POST", "/sandbox/control/datashare", { phone });
  const postMs = Date.now() - t0;
  if (result.attempts[0]?.status !== 200) throw new Error(`the handler answered ${result.attempts[0]?.status} for ${phone}`);
  const handle = await page.waitForFunction(
    (p) => {
      const probe = window.__shareProbe;
      const row = probe?.rows[p];
      return row === undefined ? false : { row, nudge: probe?.nudges[p] ?? null, data: probe?.data[p] ?? null };
    },
    phone,
    { timeout: 20_000, polling: 50 },
  );
  const seen = (await handle.jsonValue()) as { row: number; nudge: number | null; data: { at: number; requestedAt: number } | null };
  const net = seen.data ? await networkTiming(page, seen.data.requestedAt) : null;
  return {
    phone,
    postMs,
    nudgeMs: seen.nudge === null ? null : seen.nudge - t0,
    requestedMs: seen.data ? seen.data.requestedAt - t0 : null,
    serverMs: net?.serverMs ?? null,
    networkDoneMs: net ? net.doneAt - t0 : null,
    fetchedMs: seen.data ? seen.data.at - t0 : null,
    screenMs: seen.row - t0,
  };
}

function report(samples: Sample[]): Record<string, Summary> {
  const pick = (f: (s: Sample) => number | null) => samples.map(f).filter((v): v is number => v !== null);
  return {
    "POST answered": summarize(pick((s) => s.postMs)),
    "nudge in page": summarize(pick((s) => s.nudgeMs)),
    "/api/calls asked": summarize(pick((s) => s.requestedMs)),
    "(its server time)": summarize(pick((s) => s.serverMs)),
    "/api/calls received": summarize(pick((s) => s.networkDoneMs)),
    "/api/calls in JS": summarize(pick((s) => s.fetchedMs)),
    "row on screen": summarize(pick((s) => s.screenMs)),
  };
}

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");

async function main(): Promise<void> {
  console.log(`Starting the production build … (${os.cpus().length} CPUs, load ${load()})`);
  const app = await startApp();
  let close: (() => Promise<void>) | null = null;
  try {
    await json(app, "POST", "/sandbox/control/reset", { seed: 911 });
    const tab = await openConsole(app);
    close = tab.close;
    const loadBefore = load();
    const samples: Sample[] = [];
    for (let i = 0; i < WARM_UP + SHARES; i++) {
      const sample = await shareOnce(app, tab.page, i);
      if (i >= WARM_UP) samples.push(sample);
      process.stdout.write(`${i < WARM_UP ? "warm-up" : `#${i - WARM_UP + 1}`} ${sample.phone}: ${sample.screenMs} ms\n`);
      await new Promise((r) => setTimeout(r, spacingMs(i)));
    }
    const summary = report(samples);
    const fetches = await tab.page.evaluate(() => window.__shareProbe?.requested.length ?? 0);
    const machine = { cpus: os.cpus().length, loadBefore, loadAfter: load() };
    console.log(`\nShare-to-screen over ${samples.length} shares (ms from just before the POST):`);
    console.table(summary);
    console.log(`The console fetched /api/calls ${fetches} times meanwhile; load average ${machine.loadBefore} → ${machine.loadAfter}.`);
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `share-to-screen-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), shares: samples.length, machine, summary, samples }, null, 2));
    console.log(`Written to ${path.relative(process.cwd(), file)}`);
  } finally {
    await close?.();
    await app.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
