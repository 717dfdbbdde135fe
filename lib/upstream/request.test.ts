import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { serve, type Served } from "@/testing/serve";
import { sendUpstream, type UpstreamRequest } from "./request";
import { upstreamFailure as failure } from "@/testing/failure";

let served: Served | null = null;
afterEach(async () => {
  await served?.close();
  served = null;
});

async function upstream(handler: (req: Request, n: number) => Promise<Response> | Response) {
  let calls = 0;
  served = await serve(async (req) => handler(req, ++calls));
  return { url: served.url, calls: () => calls };
}

const base = (url: string, extra: Partial<UpstreamRequest> = {}): UpstreamRequest => ({
  upstream: "rapidsos",
  method: "POST",
  url: `${url}/v1/rsos/location`,
  body: "{}",
  timeoutMs: 2_000,
  ...extra,
});

describe("sendUpstream", () => {
  it("returns status, headers and parsed JSON", async () => {
    const u = await upstream(() => Response.json({ ok: true }, { headers: { "x-a": "1" } }));
    const reply = await sendUpstream(base(u.url));
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ ok: true });
    expect(reply.headers.get("x-a")).toBe("1");
  });

  it("returns 4xx replies for the caller to interpret, without retrying", async () => {
    const u = await upstream(() => Response.json({ detail: "Not found." }, { status: 404 }));
    const reply = await sendUpstream(base(u.url));
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual({ detail: "Not found." });
    expect(u.calls()).toBe(1);
  });

  it("gives undefined json for a body that is not JSON", async () => {
    const u = await upstream(() => new Response("<html>gateway</html>", { status: 200 }));
    expect((await sendUpstream(base(u.url))).json).toBeUndefined();
  });

  it("surfaces a 429 with its Retry-After and does not retry it", async () => {
    const u = await upstream(
      () => new Response(JSON.stringify({ detail: "Too many requests. Please try again later" }), {
        status: 429,
        headers: { "retry-after": "12" },
      }),
    );
    const err = await failure(sendUpstream(base(u.url)));
    expect(err.kind).toBe("rate_limited");
    expect(err.retryAfterSeconds).toBe(12);
    expect(err.status).toBe(429);
    expect(u.calls()).toBe(1);
  });

  it("retries 502/503/504 and succeeds when the upstream recovers", async () => {
    const u = await upstream((_req, n) =>
      n === 1 ? new Response("", { status: 503 }) : n === 2 ? new Response("", { status: 504 }) : Response.json({ n }),
    );
    const reply = await sendUpstream(base(u.url));
    expect(reply.json).toEqual({ n: 3 });
    expect(u.calls()).toBe(3);
  });

  it("gives up on a persistent 503 after maxAttempts", async () => {
    const u = await upstream(() => new Response("", { status: 503 }));
    const err = await failure(sendUpstream(base(u.url, { maxAttempts: 3 })));
    expect(err.kind).toBe("unavailable");
    expect(err.upstreamStatus).toBe(503);
    expect(u.calls()).toBe(3);
  });

  it("does not retry a 500", async () => {
    const u = await upstream(() => Response.json({ detail: "boom" }, { status: 500 }));
    const err = await failure(sendUpstream(base(u.url)));
    expect(err.kind).toBe("unavailable");
    expect(u.calls()).toBe(1);
  });

  it("times out at the deadline on a slow upstream", async () => {
    const u = await upstream(async () => {
      await new Promise((r) => setTimeout(r, 3_000));
      return Response.json({});
    });
    const started = Date.now();
    const err = await failure(sendUpstream(base(u.url, { timeoutMs: 300 })));
    const took = Date.now() - started;
    expect(err.kind).toBe("timeout");
    expect(err.status).toBe(504);
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(1_500);
  });

  it("times out when headers arrive but the body stalls", async () => {
    const u = await upstream(
      () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"results": ['));
              // never closes
            },
          }),
        ),
    );
    const err = await failure(sendUpstream(base(u.url, { timeoutMs: 300 })));
    expect(err.kind).toBe("timeout");
  });

  it("reports a refused connection as unreachable, after retrying within the deadline", async () => {
    const port = await closedPort();
    const started = Date.now();
    const err = await failure(sendUpstream(base(`http://127.0.0.1:${port}`)));
    expect(err.kind).toBe("unreachable");
    expect(err.internal).toMatch(/ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("does not follow redirects (they could carry the Authorization header away)", async () => {
    let followed = false;
    const elsewhere = await serve(async () => {
      followed = true;
      return Response.json({});
    });
    try {
      const u = await upstream(() => new Response(null, { status: 307, headers: { location: elsewhere.url } }));
      const err = await failure(
        sendUpstream(base(u.url, { headers: { authorization: "Bearer secret-token" } })),
      );
      expect(err.kind).toBe("bad_response");
      expect(followed).toBe(false);
    } finally {
      await elsewhere.close();
    }
  });

  it("refuses a body over the size limit", async () => {
    const u = await upstream(() => new Response("x".repeat(5_000)));
    const err = await failure(sendUpstream(base(u.url, { maxBodyBytes: 1_000 })));
    expect(err.kind).toBe("bad_response");
  });

  it("never puts the query string (a phone number) into its internal description", async () => {
    const u = await upstream(() => new Response("", { status: 500 }));
    const err = await failure(
      sendUpstream(base(u.url, { method: "GET", body: undefined, url: `${u.url}/v1/rsos/location?caller_id=14125550101` })),
    );
    expect(err.internal).not.toContain("14125550101");
  });
});

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}
