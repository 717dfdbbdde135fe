/**
 * No API route is open by accident. Every route handler under app/ is found on disk; each /api/
 * route outside the public allowlist must appear in ROUTE_ROLES (so a new route fails this test
 * until someone decides who may call it), and over real HTTP against the production build it must
 * answer 401 without a session and 403 to every role below its minimum, while the roles that
 * qualify get through.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasRole, ROLES, type Role } from "@/lib/auth/types";
import { signIn, startApp, type RunningApp } from "@/testing/app-server";

/** Who may call what: the minimum role for every protected method of every /api/ route. */
const ROUTE_ROLES: Record<string, Role> = {
  "GET /api/admin/users": "admin",
  "POST /api/admin/users": "admin",
  "GET /api/admin/users/[id]": "admin",
  "PATCH /api/admin/users/[id]": "admin",
  "POST /api/admin/users/[id]/password": "admin",
  "POST /api/admin/users/[id]/unlock": "admin",
  "POST /api/admin/upstreams/[name]/test": "admin",
  "GET /api/admin/signin-throttle": "admin",
  "GET /api/admin/audit-archives": "admin",
  "GET /api/admin/audit-archives/[name]": "admin",
  "DELETE /api/admin/signin-throttle": "admin",
  "GET /api/alerts": "telecommunicator",
  "GET /api/alerts/[id]": "telecommunicator",
  "GET /api/alerts/[id]/additional-data": "telecommunicator",
  "POST /api/alerts/[id]/decision": "telecommunicator",
  "POST /api/alerts/[id]/disposition": "telecommunicator",
  "POST /api/alerts/[id]/chat": "telecommunicator",
  "GET /api/review/alerts": "supervisor",
  "GET /api/review/alerts/[id]": "supervisor",
  "GET /api/review/alerts/[id]/export": "supervisor",
  "GET /api/audit": "supervisor",
  "GET /api/audit/export": "supervisor",
  "GET /api/calls": "telecommunicator",
  "POST /api/calls": "telecommunicator",
  "GET /api/calls/[id]": "telecommunicator",
  "GET /api/calls/[id]/additional-data": "telecommunicator",
  "POST /api/calls/[id]/close": "telecommunicator",
  "GET /api/devices": "telecommunicator",
  "GET /api/events": "telecommunicator",
  "GET /api/lei/location": "telecommunicator",
  "POST /api/lei/location": "telecommunicator",
  "GET /api/review/calls": "supervisor",
  "GET /api/review/calls/[id]": "supervisor",
  "GET /api/review/calls/[id]/devices": "supervisor",
  "GET /api/review/calls/[id]/export": "supervisor",
  "POST /api/session/activity": "telecommunicator",
};

/** Routes anyone may call: health, Auth.js's own sign-in endpoints, the signed Data Share webhook. */
const PUBLIC_ROUTES = [/^\/api\/health$/, /^\/api\/auth\//, /^\/api\/datashare$/];

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const SAMPLE_ID = "00000000-0000-4000-8000-000000000000";
const APP_DIR = path.join(process.cwd(), "app");

interface RouteFile {
  template: string; // "/api/calls/[id]"
  methods: string[];
}

function findRouteFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findRouteFiles(full);
    return /^route\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|var|async\s+function|function)\s+([A-Z]+)\b/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) found.add(part.trim().split(/\s+as\s+/).pop()!.trim());
  }
  return METHODS.filter((method) => found.has(method));
}

function discoverRoutes(): RouteFile[] {
  return findRouteFiles(APP_DIR).map((file) => {
    const segments = path
      .relative(APP_DIR, path.dirname(file))
      .split(path.sep)
      .filter((s) => s !== "" && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
    return { template: `/${segments.join("/")}`, methods: exportedMethods(fs.readFileSync(file, "utf8")) };
  });
}

function toUrl(template: string): string {
  return template
    .replace(/\/\[\[\.\.\.[^\]]+\]\]/g, "")
    .replace(/\[\.\.\.[^\]]+\]/g, "sample/path")
    .replace(/\[[^\]]+\]/g, SAMPLE_ID);
}

const isApi = (template: string) => template === "/api" || template.startsWith("/api/");
const isPublic = (template: string) => PUBLIC_ROUTES.some((re) => re.test(template));

const protectedRoutes = discoverRoutes()
  .filter((r) => isApi(r.template) && !isPublic(r.template))
  .flatMap((r) => r.methods.map((method) => `${method} ${r.template}`))
  .sort();

describe("route protection, on disk", () => {
  it("finds the route handlers (the walk itself works)", () => {
    expect(protectedRoutes).toContain("GET /api/audit");
    expect(discoverRoutes().map((r) => r.template)).toContain("/api/health");
  });

  it("has a minimum role for every protected /api/ route, and no stale entries", () => {
    expect(protectedRoutes).toEqual(Object.keys(ROUTE_ROLES).sort());
  });

  it("names a method for every route file", () => {
    for (const r of discoverRoutes()) expect(r.methods, r.template).not.toHaveLength(0);
  });
});

describe("route protection, over HTTP", () => {
  let app: RunningApp;
  const cookies = {} as Record<Role, string>;

  beforeAll(async () => {
    app = await startApp();
    for (const role of ROLES) cookies[role] = await signIn(app.url, `${role}@sandbox.local`, "sandbox-demo");
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
  });

  async function call(key: string, cookie?: string): Promise<{ status: number; error?: string }> {
    const [method, template] = key.split(" ") as [string, string];
    const res = await fetch(`${app.url}${toUrl(template)}`, {
      method,
      redirect: "manual",
      headers: { ...(cookie ? { cookie } : {}), ...(method === "GET" || method === "HEAD" ? {} : { "content-type": "application/json" }) },
      body: method === "GET" || method === "HEAD" ? undefined : "{}",
      signal: AbortSignal.timeout(20_000),
    });
    const type = res.headers.get("content-type") ?? "";
    const body = type.includes("json") ? ((await res.json()) as { error?: string }) : undefined;
    if (!body) await res.body?.cancel(); // e.g. the event stream, which never ends by itself
    return { status: res.status, error: body?.error };
  }

  it("answers 401 to every protected route without a session, or with a forged cookie", async () => {
    for (const key of protectedRoutes) {
      expect(await call(key), key).toEqual({ status: 401, error: "unauthenticated" });
      expect((await call(key, "authjs.session-token=forged.value.here")).status, key).toBe(401);
    }
  });

  it("answers 403 below the minimum role and lets the qualifying roles through (role matrix)", async () => {
    for (const key of protectedRoutes) {
      const needed = ROUTE_ROLES[key]!;
      for (const role of ROLES) {
        const result = await call(key, cookies[role]);
        if (hasRole(role, needed)) {
          expect([401, 403], `${key} as ${role}`).not.toContain(result.status);
        } else {
          expect(result, `${key} as ${role}`).toEqual({ status: 403, error: "forbidden" });
        }
      }
    }
  });

  /** Declare a body bigger than any route takes, send its first byte, and see what the server says. */
  function declareOversizedBody(url: string, method: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        url,
        { method, headers: { "content-type": "application/json", "content-length": String(1100 * 1024) } },
        (res) => {
          resolve(res.statusCode ?? 0);
          res.resume();
          req.destroy();
        },
      );
      req.on("error", reject);
      req.setTimeout(20_000, () => req.destroy(new Error(`${method} ${url}: no answer while the body was still owed`)));
      req.write("{"); // the rest never comes: an answer proves the server did not wait to read it
    });
  }

  it("refuses an oversized body on every route that takes one, before reading it or asking who is calling", async () => {
    // Known gap: every /sandbox/ route passes through proxy.ts, and Next buffers a body for its proxy (up to its own
    // 1 MB cap, next.config.mjs) before any route code runs; the sandbox route itself reads under 64 KB. See README.
    const writers = discoverRoutes().filter((r) => !r.template.startsWith("/sandbox/")).flatMap((r) =>
      r.methods.filter((m) => ["POST", "PUT", "PATCH", "DELETE"].includes(m)).map((m) => [m, r.template] as const),
    );
    expect(writers.length).toBeGreaterThan(10);
    for (const [method, template] of writers) {
      const url =
        template === "/api/auth/[...nextauth]" ? "/api/auth/callback/credentials" : toUrl(template);
      expect(await declareOversizedBody(`${app.url}${url}`, method), `${method} ${template}`).toBe(413);
    }
  });

  it("audits each 403 as access.denied", async () => {
    await call("GET /api/audit", cookies.telecommunicator);
    const res = await fetch(`${app.url}/api/audit?action=access.denied&user=telecommunicator@`, { headers: { cookie: cookies.supervisor } });
    const { rows } = (await res.json()) as { rows: { target: string; outcome: string; detail: Record<string, unknown> }[] };
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatchObject({ target: "/api/audit", outcome: "denied", detail: { needed: "supervisor", role: "telecommunicator" } });
  });
});
