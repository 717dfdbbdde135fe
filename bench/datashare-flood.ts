/**
 * Data Share flood: what a stranger's bad-signature deliveries cost the center. Runs the production
 * build with the embedded sandbox, sends BAD deliveries (default 10,000) with wrong signatures from
 * SOURCES client addresses (default 4) over CONNECTIONS connections (default 16), while one signed-in
 * console polls `/api/calls`, and one correctly signed share is sent from a flooding source midway.
 *
 *   npm run build && npm run bench:flood          (BAD=20000 SOURCES=8 CONNECTIONS=32 for more)
 *
 * Sources are told apart by X-Forwarded-For from a trusted proxy hop (the bench is that proxy:
 * TRUSTED_PROXIES=127.0.0.1). Reported per 10,000 bad deliveries: audit rows written, growth of the
 * data folder (table pages and WAL) and of the audit table; and the console route's p95 while idle
 * and during the flood. Results go to bench/results/ (git-ignored).
 */
import { createHmac } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { signIn, startApp } from "@/testing/app-server";
import { summarize, type Summary } from "./stats";

const BAD = Number(process.env.BAD ?? 10_000);
const SOURCES = Number(process.env.SOURCES ?? 4);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 16);
const CONSOLE_INTERVAL_MS = 100;
const RESULTS_DIR = path.join(process.cwd(), "bench", "results");
const SECRET = "sandbox-datashare-secret";
// As RapidSOS signs (lib/datashare/signature.ts is server-only): lowercase hex HMAC-SHA1 of the raw body.
const signBody = (body: string) => createHmac("sha1", SECRET).update(body).digest("hex");

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(p) : fs.statSync(p).size;
  }
  return total;
}

async function pollConsole(url: string, cookie: string, stop: { done: boolean }): Promise<number[]> {
  const samples: number[] = [];
  while (!stop.done) {
    const t0 = performance.now();
    const res = await fetch(`${url}/api/calls`, { headers: { cookie } });
    await res.arrayBuffer();
    if (res.ok) samples.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, CONSOLE_INTERVAL_MS));
  }
  return samples;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dm-flood-"));
  const app = await startApp({ DATA_DIR: dataDir, TRUSTED_PROXIES: "127.0.0.1" });
  const statuses: Record<string, number> = {};
  let signedShare: number | null = null;
  let idle: Summary;
  let flood: Summary;
  let elapsedMs: number;
  let bytesBefore: number;
  let bytesAfter: number;
  try {
    const cookie = await signIn(app.url, "telecommunicator@sandbox.local", process.env.DEMO_PASSWORD ?? "sandbox-demo");
    const quiet = { done: false };
    const idlePolling = pollConsole(app.url, cookie, quiet);
    await new Promise((r) => setTimeout(r, 5_000));
    quiet.done = true;
    idle = summarize(await idlePolling);
    bytesBefore = dirBytes(path.join(dataDir, "pglite"));

    const stop = { done: false };
    const polling = pollConsole(app.url, cookie, stop);
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      for (;;) {
        const i = next++;
        if (i >= BAD) return;
        const source = `198.51.100.${(i % SOURCES) + 1}`;
        const body = JSON.stringify({ query: "tel://14125550101", access_token: `junk-${i}` });
        const res = await fetch(`${app.url}/api/datashare`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": source, "x-rapidsos-signature": "0".repeat(40) },
          body,
        });
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (i === Math.floor(BAD / 2)) {
          // A real share from a source that is flooding: it must still land.
          const good = JSON.stringify({ query: "tel://14125550199", access_token: "bench-token", bounding_box: [-80.4, 40.1, -79.6, 40.7] });
          const ok = await fetch(`${app.url}/api/datashare`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": source, "x-rapidsos-signature": signBody(good) },
            body: good,
          });
          signedShare = ok.status;
        }
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, worker));
    elapsedMs = performance.now() - started;
    stop.done = true;
    flood = summarize(await polling);
    // Flood counts are written once their minute is over (a 10 s timer): wait for the last one.
    await new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000) + 12_000));
  } finally {
    await app.stop();
  }
  bytesAfter = dirBytes(path.join(dataDir, "pglite"));
  const db = await PGlite.create(path.join(dataDir, "pglite"));
  const rows = await db.query<{ action: string; outcome: string; n: number }>(
    "select action, outcome, count(*)::int as n from audit_log where action like 'datashare.%' group by 1, 2 order by 1, 2",
  );
  const size = await db.query<{ bytes: number }>("select pg_total_relation_size('audit_log')::int as bytes");
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });

  const auditRows = rows.rows.reduce((n, r) => n + r.n, 0);
  const per10k = (n: number) => Math.round((n * 10_000) / BAD);
  const result = {
    at: new Date().toISOString(),
    commit: process.env.BENCH_COMMIT ?? null,
    bad: BAD,
    sources: SOURCES,
    connections: CONNECTIONS,
    elapsedMs: Math.round(elapsedMs),
    deliveriesPerSecond: Math.round((BAD * 1000) / elapsedMs),
    statuses,
    signedShareDuringFlood: signedShare,
    auditRows: rows.rows,
    auditRowsPer10k: per10k(auditRows),
    dataFolderBytesPer10k: per10k(bytesAfter - bytesBefore),
    auditTableBytesAfter: size.rows[0]?.bytes ?? null,
    consoleIdleMs: idle,
    consoleDuringFloodMs: flood,
    load: os.loadavg(),
  };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `datashare-flood-${result.at.replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2));

  console.log(`\nData Share flood: ${BAD} bad-signature deliveries from ${SOURCES} sources over ${CONNECTIONS} connections`);
  console.table({
    "deliveries/s": { value: result.deliveriesPerSecond },
    "answers": { value: JSON.stringify(statuses) },
    "signed share during flood": { value: signedShare },
    "audit rows per 10,000 bad": { value: result.auditRowsPer10k },
    "data folder bytes per 10,000 bad": { value: result.dataFolderBytesPer10k },
    "audit table bytes after": { value: result.auditTableBytesAfter },
    "console /api/calls p95 idle (ms)": { value: idle.p95 },
    "console /api/calls p95 during flood (ms)": { value: flood.p95 },
  });
  console.table(rows.rows);
  console.log(`written ${path.relative(process.cwd(), file)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
