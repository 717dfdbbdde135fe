/**
 * Pointed at the real services (sandbox off), the production build has no Portal and no control
 * API, and without a configured Data Share secret it refuses every delivery rather than trusting one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "@/testing/app-server";
import { SIGNATURE_HEADER, signBody } from "./signature";

describe("Data Share in the production build, sandbox off", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({
      SANDBOX: "off",
      // Unreachable on purpose: nothing here may call them.
      RAPIDSOS_BASE_URL: "http://127.0.0.1:9/rapidsos",
      RAPIDSOS_CLIENT_ID: "real-client",
      RAPIDSOS_CLIENT_SECRET: "real-secret",
      AXON_BASE_URL: "http://127.0.0.1:9/axon",
      AXON_PARTNER_ID: "real-partner",
      AXON_CLIENT_ID: "real-axon-client",
      AXON_CLIENT_SECRET: "real-axon-secret",
      ADMIN_EMAIL: "admin@agency.example",
      ADMIN_PASSWORD: "a-long-admin-password",
    });
  }, 120_000);
  afterAll(() => app?.stop());

  it.each([
    ["GET", "/sandbox/portal"],
    ["GET", "/sandbox/control/datashare"],
    ["POST", "/sandbox/control/datashare"],
  ])("%s %s → 404", async (method, path) => {
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: method === "POST" ? "{}" : undefined,
    });
    expect(res.status).toBe(404);
  });

  it("refuses a delivery signed with the sandbox's default secret (no secret configured)", async () => {
    const body = JSON.stringify({ query: "tel://14125550101", access_token: "t", bounding_box: [-80, 40, -79, 41] });
    const res = await fetch(`${app.url}/api/datashare`, {
      method: "POST",
      headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signBody("sandbox-datashare-secret", body) },
      body,
    });
    expect(res.status).toBe(401);
  });

  it("stops reading a streamed body (no Content-Length) at 64 KiB and answers 400, not 413", async () => {
    const chunk = new Uint8Array(10_000).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 100; i++) c.enqueue(chunk);
        c.close();
      },
    });
    const res = await fetch(`${app.url}/api/datashare`, {
      method: "POST",
      headers: { [SIGNATURE_HEADER]: "0".repeat(40) },
      body,
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ detail: "The body is larger than 65536 bytes." });
  });
});
