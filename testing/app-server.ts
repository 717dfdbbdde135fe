/**
 * The real app for integration tests: the production build, served as `npm start` serves it
 * (`tools/serve.mjs`), on a free port, with a fresh data folder (embedded database, auth secret) and
 * the given environment overrides. Each start costs a few seconds: share one app per test file.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface RunningApp {
  url: string;
  dataDir: string;
  /** The server's process group (benchmarks read its CPU and memory from /proc). */
  pid: number;
  /** Everything the server printed so far (start-up banner, errors). */
  output(): string;
  stop(): Promise<void>;
}

const root = process.cwd();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A migrated, empty PGlite folder to start a fresh data folder from, when the test runner made one
 * (testing/pglite-template.ts for Vitest): the server then skips creating its cluster, half its start.
 */
export const PGLITE_TEMPLATE_ENV = "DM_TEST_PGLITE_TEMPLATE_DIR";

export interface StartOptions {
  /** A fixed port (benchmarks that share a machine keep to an agreed range); a free one by default. */
  port?: number;
  /** Serve this data folder (e.g. a copy of a snapshot) and leave it in place at stop; a fresh temporary one by default. */
  dataDir?: string;
}

export async function startApp(env: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningApp> {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("There is no production build (.next/BUILD_ID is missing): run `npm run build` first.");
  }
  const port = options.port ?? (await freePort());
  const ownsData = options.dataDir === undefined;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "dm-app-"));
  const template = process.env[PGLITE_TEMPLATE_ENV];
  if (ownsData && template && fs.existsSync(template)) fs.cpSync(template, path.join(dataDir, "pglite"), { recursive: true });
  const base: Record<string, string | undefined> = { ...process.env };
  // The test runner's own settings must not leak into the app under test.
  for (const key of ["DATABASE_URL", "AUTH_SECRET", "NODE_ENV", "VITEST", "APP_URL", PGLITE_TEMPLATE_ENV]) delete base[key];
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "tools", "serve.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    detached: true, // its own process group, so stop() ends the server and anything it spawned
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...base,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      DATA_DIR: dataDir,
      PORT: String(port),
      // The embedded sandbox is reached through APP_URL; "localhost" may resolve to ::1, where nothing listens.
      APP_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
  });
  let output = "";
  child.stdout?.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr?.on("data", (b: Buffer) => (output += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  // If the process that started it goes away (a killed test worker, Ctrl-C), the server goes with it.
  const orphanGuard = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  process.once("exit", orphanGuard);
  child.once("exit", () => process.removeListener("exit", orphanGuard));

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, "SIGKILL");
        } catch {
          // gone in the meantime
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    if (ownsData) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The app exited (code ${child.exitCode}) before it answered:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The app did not answer /api/health within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, dataDir, pid: child.pid!, output: () => output, stop };
}

function cookiePairs(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0] ?? "").filter((c) => c.includes("="));
}

export interface SignInAttempt {
  ok: boolean;
  /** A Cookie header carrying the session, when ok. */
  cookie: string | null;
  /** Where Auth.js sent the browser (the sign-in page with ?error= on failure). */
  location: string | null;
}

/** Sign in over HTTP exactly as a browser does: csrf token, then the credentials callback. */
export async function attemptSignIn(
  url: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<SignInAttempt> {
  const csrfRes = await fetch(`${url}/api/auth/csrf`, { headers });
  if (!csrfRes.ok) throw new Error(`GET /api/auth/csrf answered ${csrfRes.status}`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      ...headers,
      cookie: cookiePairs(csrfRes).join("; "),
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${url}/` }),
  });
  const location = res.headers.get("location");
  const session = cookiePairs(res).filter((c) => c.includes("authjs.session-token=") && !c.endsWith("="));
  const ok = session.length > 0 && !(location ?? "").includes("error=");
  return { ok, cookie: ok ? session.join("; ") : null, location };
}

/** Sign in and return the Cookie header for the new session; throws if the sign-in fails. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const attempt = await attemptSignIn(url, email, password);
  if (!attempt.cookie) throw new Error(`Sign-in as ${email} failed (redirected to ${attempt.location}).`);
  return attempt.cookie;
}
