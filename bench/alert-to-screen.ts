/**
 * Alert-to-screen: from the moment the sandbox central station requests dispatch (POST to the
 * partner side through the control API) to the moment the alert's row is in a signed-in console's
 * DOM. The path: the platform emits alert.new on its events WebSocket, the app's runner stores it
 * and publishes an `alerts` nudge, the console's SSE stream wakes the queue's refetch, React renders.
 *
 *   npm run build && npm run bench:alerts          (ALERTS=40 for more samples)
 *
 * Every timestamp is `Date.now()` on this machine (node and the page share the clock). Results go
 * to bench/results/ (git-ignored) with the machine's load, which these numbers follow.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { signIn, startApp, type RunningApp } from "@/testing/app-server";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@/testing/chromium";
import { summarize, type Summary } from "./stats";

const ALERTS = Number(process.env.ALERTS ?? 25);
const WARM_UP = 2;
/** Spaced 1–3 s apart so they land at every phase of the console's 3 s poll. */
const spacingMs = (i: number) => 1_000 + ((i * 737) % 2_000);
const TEMPLATES = ["fire", "burglary", "mpers", "crash"] as const;
const RESULTS_DIR = path.join(process.cwd(), "bench", "results");

interface Sample {
  id: string;
  postMs: number;
  nudgeMs: number | null;
  screenMs: number;
}

const PROBES = `(() => {
  const probe = { nudges: {}, rows: {} };
  window.__alertProbe = probe;
  const source = new EventSource("/api/events");
  source.addEventListener("alerts", (e) => {
    const id = JSON.parse(String(e.data)).id;
    if (id) probe.nudges[id] ??= Date.now();
  });
  const scan = () => {
    for (const row of document.querySelectorAll("#alert-queue [role=option][data-alert-id]")) probe.rows[row.dataset.alertId] ??= Date.now();
  };
  scan();
  new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-alert-id"] });
})()`;

declare global {
  interface Window {
    __alertProbe?: { nudges: Record<string, number>; rows: Record<string, number> };
  }
}

async function post<T>(app: RunningApp, route: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${app.url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}

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
  await page.getByRole("heading", { name: /^Alerts/ }).waitFor({ timeout: 30_000 });
  await page.evaluate(PROBES);
  return { page, close: () => browser.close() };
}

async function alertOnce(app: RunningApp, page: Page, i: number): Promise<Sample> {
  const t0 = Date.now();
  const created = await post<{ alert_id: string }>(app, "/sandbox/control/alerts", { template: TEMPLATES[i % TEMPLATES.length], slaSeconds: 600 });
  const postMs = Date.now() - t0;
  if (created.status !== 201) throw new Error(`the sandbox answered ${created.status}`);
  const id = created.body.alert_id;
  const handle = await page.waitForFunction(
    (a) => {
      const probe = window.__alertProbe;
      const row = probe?.rows[a];
      return row === undefined ? false : { row, nudge: probe?.nudges[a] ?? null };
    },
    id,
    { timeout: 20_000, polling: 20 },
  );
  const seen = (await handle.jsonValue()) as { row: number; nudge: number | null };
  return { id, postMs, nudgeMs: seen.nudge === null ? null : seen.nudge - t0, screenMs: seen.row - t0 };
}

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");

async function main(): Promise<void> {
  console.log(`Starting the production build … (${os.cpus().length} CPUs, load ${load()})`);
  const app = await startApp();
  let close: (() => Promise<void>) | null = null;
  try {
    await post(app, "/sandbox/control/reset", { seed: 911 });
    // No scenario alerts in the way: every alert measured is one this script created.
    await post(app, "/sandbox/control/alerts/settings", { scenario: false });
    const tab = await openConsole(app);
    close = tab.close;
    const loadBefore = load();
    const samples: Sample[] = [];
    for (let i = 0; i < WARM_UP + ALERTS; i++) {
      const sample = await alertOnce(app, tab.page, i);
      if (i >= WARM_UP) samples.push(sample);
      process.stdout.write(`${i < WARM_UP ? "warm-up" : `#${i - WARM_UP + 1}`} ${sample.id}: ${sample.screenMs} ms\n`);
      await new Promise((r) => setTimeout(r, spacingMs(i)));
    }
    const pick = (f: (s: Sample) => number | null) => samples.map(f).filter((v): v is number => v !== null);
    const summary: Record<string, Summary> = {
      "POST answered": summarize(pick((s) => s.postMs)),
      "nudge in page": summarize(pick((s) => s.nudgeMs)),
      "row on screen": summarize(pick((s) => s.screenMs)),
    };
    const machine = { cpus: os.cpus().length, loadBefore, loadAfter: load() };
    console.log(`\nAlert-to-screen over ${samples.length} alerts (ms from just before the central station's POST):`);
    console.table(summary);
    console.log(`Load average ${machine.loadBefore} → ${machine.loadAfter}.`);
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `alert-to-screen-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), alerts: samples.length, machine, summary, samples }, null, 2));
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
