/**
 * The route as the app wires it — process configuration, embedded database, sealing key generated
 * into the data folder, live bus and the process's call tracker — served over real HTTP (without
 * Next, so `after` falls back to running the follow-up at once).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callTracker } from "@/lib/calls/console-calls";
import { SANDBOX_DEFAULTS } from "@/lib/config/env";
import { getDatabase } from "@/lib/db/client";
import { calls, datashareDeliveries } from "@/lib/db/schema";
import { KEY_FILE } from "@/lib/datashare/seal";
import { SIGNATURE_HEADER, signBody } from "@/lib/datashare/signature";
import { liveBus, type LiveEvent } from "@/lib/live/bus";
import { createSandbox } from "@/sandbox";
import { sandboxRapidsosToken } from "@/sandbox/tokens";
import { serve, type Served } from "@/testing/serve";
import { POST } from "./route";

describe("POST /api/datashare as the app wires it", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dm-datashare-route-"));
  const events: LiveEvent[] = [];
  let app: Served;
  let lei: Served;
  let unfollow = () => {};
  const sandbox = createSandbox({ seed: 911, tokenTtlSeconds: 3600, leiRateLimitPerMinute: 10_000 });

  beforeAll(async () => {
    lei = await serve((req) => sandbox.handle(req));
    vi.stubEnv("DATA_DIR", dataDir);
    vi.stubEnv("SANDBOX", "on");
    vi.stubEnv("RAPIDSOS_BASE_URL", `${lei.url}/sandbox/rapidsos`);
    vi.stubEnv("LOG_LEVEL", "silent");
    liveBus().subscribe((e) => events.push(e));
    await liveBus().start();
    // As lib/server/startup.ts does: the process tracker polls a caller as soon as a share is announced.
    unfollow = callTracker().follow(liveBus());
    app = await serve((req) => POST(req, { params: Promise.resolve({}) }));
  });
  afterAll(async () => {
    unfollow();
    callTracker().stop();
    await app?.close();
    await lei?.close();
    await (await getDatabase()).close();
    vi.unstubAllEnvs();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const send = (body: string, signature: string | null) =>
    fetch(`${app.url}/api/datashare`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(signature ? { [SIGNATURE_HEADER]: signature } : {}) },
      body,
    });

  it("accepts a share signed with the configured secret, announces it and polls LEI with its token", async () => {
    const token = await sandboxRapidsosToken(fetch, `${lei.url}/sandbox/rapidsos`);
    sandbox.resetRequestCounts();
    const body = JSON.stringify({ query: "tel://14125550101", access_token: token, bounding_box: [-80.4, 40.1, -79.6, 40.7] });
    const res = await send(body, signBody(SANDBOX_DEFAULTS.datashareSecret, body));
    expect(res.status).toBe(200);

    const db = (await getDatabase()).db;
    const [delivery] = await db.select().from(datashareDeliveries);
    expect(delivery!.accessTokenSealed).not.toContain(token);
    // The key was generated once into the data folder, readable by the app's user only.
    expect(fs.statSync(path.join(dataDir, KEY_FILE)).mode & 0o777).toBe(0o600);

    await vi.waitFor(() => expect(events).toContainEqual({ type: "shared", id: delivery!.callId, phone: "14125550101" }));
    await vi.waitFor(
      async () => {
        const [call] = await db.select().from(calls).where(eq(calls.id, delivery!.callId!));
        expect(call!.locationCount).toBeGreaterThan(0);
      },
      { timeout: 10_000 },
    );
    // The delivered token was enough: the app never had to fetch its own.
    expect(sandbox.requestCounts().rapidsos.token).toBe(0);
  });

  it("answers 401 and 400 as documented", async () => {
    const body = JSON.stringify({ query: "tel://14125550102", access_token: "t", bounding_box: [0, 1, 0, 0] });
    expect((await send(body, null)).status).toBe(401);
    expect((await send(body, signBody("not-the-secret", body))).status).toBe(401);
    const bad = await send(body, signBody(SANDBOX_DEFAULTS.datashareSecret, body));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ detail: expect.stringMatching(/^bounding_box: /) });
  });
});
