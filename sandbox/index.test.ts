import { afterEach, describe, expect, it } from "vitest";
import { useConfigForTests } from "@/lib/config/env";
import { dropSingleton } from "@/lib/server/singleton";
import { GET, POST } from "@/app/sandbox/[...path]/route";
import { getSandbox } from "./index";

let restore = () => {};

function useConfig(env: Record<string, string>) {
  restore = useConfigForTests(env);
  dropSingleton("sandbox");
}

afterEach(() => {
  restore();
  dropSingleton("sandbox");
});

describe("getSandbox and the /sandbox/[...path] route", () => {
  it("serves the configured sandbox, one per process", async () => {
    useConfig({ SANDBOX: "on", SANDBOX_SEED: "4242", SANDBOX_TOKEN_TTL_SECONDS: "120" });
    const sandbox = getSandbox();
    expect(sandbox?.seed).toBe(4242);
    expect(getSandbox()).toBe(sandbox);
    const res = await GET(new Request("http://localhost:3000/sandbox/control/scenario"));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { seed: number }).seed).toBe(4242);
    const token = await POST(
      new Request("http://localhost:3000/sandbox/rapidsos/oauth/token", {
        method: "POST",
        body: new URLSearchParams({ client_id: "sandbox-rapidsos-client", client_secret: "sandbox-rapidsos-secret", grant_type: "client_credentials" }),
      }),
    );
    expect(((await token.json()) as { expires_in: string }).expires_in).toBe("120");
  });

  it("answers 404 on every /sandbox/ path when the sandbox is off", async () => {
    useConfig({
      SANDBOX: "off",
      RAPIDSOS_BASE_URL: "https://api-sandbox.rapidsos.example",
      RAPIDSOS_CLIENT_ID: "id",
      RAPIDSOS_CLIENT_SECRET: "secret",
      AXON_BASE_URL: "https://agency.evidence.example",
      AXON_PARTNER_ID: "p",
      AXON_CLIENT_ID: "c",
      AXON_CLIENT_SECRET: "s",
    });
    expect(getSandbox()).toBeNull();
    for (const path of ["/sandbox/control/scenario", "/sandbox/rapidsos/oauth/token"]) {
      const res = await GET(new Request(`http://localhost:3000${path}`));
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ detail: "Not found." });
    }
  });
});
