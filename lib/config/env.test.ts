import { describe, expect, it } from "vitest";
import fs from "node:fs";
import { ConfigError, parseConfig } from "./env";
import { envSchema } from "./schema";

function problems(env: Record<string, string>): { variable: string; message: string }[] {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe("configuration", () => {
  it("runs on embedded defaults with nothing set: sandbox on, PGlite, sandbox credentials", () => {
    const c = parseConfig({});
    expect(c.sandbox.enabled).toBe(true);
    expect(c.port).toBe(3000);
    expect(c.rapidsos.baseUrl).toBe("http://localhost:3000/sandbox/rapidsos");
    expect(c.axon.baseUrl).toBe("http://localhost:3000/sandbox/axon");
    expect(c.rapidsos.clientId).toBe("sandbox-rapidsos-client");
    expect(c.database.kind).toBe("pglite");
    expect(c.displayConfidence).toBe(90);
    expect(c.auth.sessionIdleMs).toBe(30 * 60_000);
    expect(c.datashare.handlerUrl).toBe("http://localhost:3000/api/datashare");
  });

  it("holds the security floors: locks release after 10 minutes at the soonest, audit rows live a year", () => {
    const c = parseConfig({});
    expect(c.auth.lockoutDurationMs).toBe(15 * 60_000);
    expect(c.auditRetentionDays).toBe(365);
    expect(c.trustedProxies.size).toBe(0);
    expect(parseConfig({ LOCKOUT_MINUTES: "10", AUDIT_RETENTION_DAYS: "2555" })).toMatchObject({
      auth: { lockoutDurationMs: 10 * 60_000 },
      auditRetentionDays: 2555,
    });
    expect(problems({ LOCKOUT_MINUTES: "9" })[0]?.variable).toBe("LOCKOUT_MINUTES");
    expect(problems({ AUDIT_RETENTION_DAYS: "364" })[0]?.variable).toBe("AUDIT_RETENTION_DAYS");
    expect(parseConfig({ TRUSTED_PROXIES: "10.0.0.0/8, ::1" }).trustedProxies.has("10.20.30.40")).toBe(true);
    expect(problems({ TRUSTED_PROXIES: "10.0.0.0/8, my-proxy" })[0]?.variable).toBe("TRUSTED_PROXIES");
  });

  it("names the variable behind a bad value", () => {
    expect(problems({ PORT: "eighty" })).toEqual([
      { variable: "PORT", message: "must be a whole number" },
    ]);
    expect(problems({ DISPLAY_CONFIDENCE: "100" })[0]?.variable).toBe("DISPLAY_CONFIDENCE");
    expect(problems({ DATABASE_URL: "mysql://x" })[0]?.variable).toBe("DATABASE_URL");
    expect(problems({ RAPIDSOS_BASE_URL: "ftp://rapidsos" })[0]?.variable).toBe("RAPIDSOS_BASE_URL");
    expect(problems({ DATASHARE_SOLUTION_NAME: "x".repeat(31) })[0]?.variable).toBe(
      "DATASHARE_SOLUTION_NAME",
    );
  });

  it("turns the sandbox off when a real upstream is configured, and then needs real credentials", () => {
    const missing = problems({ RAPIDSOS_BASE_URL: "https://api.rapidsos.com" }).map((p) => p.variable);
    expect(missing).toEqual(
      expect.arrayContaining([
        "RAPIDSOS_CLIENT_ID",
        "RAPIDSOS_CLIENT_SECRET",
        "AXON_BASE_URL",
        "AXON_PARTNER_ID",
        "AXON_CLIENT_ID",
        "AXON_CLIENT_SECRET",
      ]),
    );
    const real = parseConfig({
      RAPIDSOS_BASE_URL: "https://api.rapidsos.com/",
      RAPIDSOS_CLIENT_ID: "id",
      RAPIDSOS_CLIENT_SECRET: "secret",
      AXON_BASE_URL: "https://agency.evidence.com",
      AXON_PARTNER_ID: "p",
      AXON_CLIENT_ID: "c",
      AXON_CLIENT_SECRET: "s",
    });
    expect(real.sandbox.enabled).toBe(false);
    expect(real.rapidsos.baseUrl).toBe("https://api.rapidsos.com");
    expect(real.datashare.secrets).toEqual([]);
  });

  it("keeps secrets out of anything printed", () => {
    const c = parseConfig({ DATABASE_URL: "postgres://u:pw@db/x", AUTH_SECRET: "s".repeat(40) });
    expect(JSON.stringify(c)).not.toMatch(/pw@db|sssss|sandbox-rapidsos-secret/);
  });

  it("requires the first admin's e-mail and password together", () => {
    expect(problems({ ADMIN_EMAIL: "a@agency.gov" })[0]).toMatchObject({ variable: "ADMIN_PASSWORD" });
  });

  it("is documented: the README's configuration table names every variable", () => {
    const readme = fs.readFileSync("README.md", "utf8");
    const missing = Object.keys(envSchema.shape).filter((name) => name !== "NODE_ENV" && !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
