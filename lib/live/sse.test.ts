import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { backends } from "@/testing/databases";
import { serve } from "@/testing/serve";
import { bodyCamera } from "@/testing/fixtures";
import { LiveBus } from "./bus";
import { DeviceFeed } from "./device-feed";
import { liveStream, RETRY_MIN_MS, RETRY_SPREAD_MS } from "./sse";

const meta = { agency: "Sandbox PD", dropped: 0, notice: null };
const ok = { ok: true, detail: null, lastOkAt: 1, status: null, retryAfterS: null };

/** Read an event stream until `until` matches what arrived, or the stream ends. */
async function readUntil(res: Response, until: (text: string) => boolean): Promise<{ text: string; ended: boolean }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text, ended: true };
    text += decoder.decode(value, { stream: true });
    if (until(text)) {
      await reader.cancel();
      return { text, ended: false };
    }
  }
}

describe("the live event stream", () => {
  let database: Database;
  let bus: LiveBus;
  beforeAll(async () => {
    database = await backends[0]!.open();
    bus = new LiveBus(async () => database);
    await bus.start();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("forwards nudges as server-sent events, over real HTTP", async () => {
    const served = await serve(async (req) =>
      liveStream({ bus, signal: req.signal, stillAllowed: async () => true, heartbeatMs: 50 }),
    );
    const res = await fetch(served.url);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reading = readUntil(res, (t) => t.includes("event: shared"));
    await bus.publish({ type: "shared", id: "2b1c7a52-7c53-4a3b-9b0e-0d3c1b8c9f10", phone: "14125550104" });
    const { text } = await reading;
    // Each stream draws its own reconnect delay, so a restart's reconnections spread out.
    const retry = Number(/^retry: (\d+)$/m.exec(text)?.[1]);
    expect(retry).toBeGreaterThanOrEqual(RETRY_MIN_MS);
    expect(retry).toBeLessThan(RETRY_MIN_MS + RETRY_SPREAD_MS);
    expect(text).toContain('event: shared\ndata: {"id":"2b1c7a52-7c53-4a3b-9b0e-0d3c1b8c9f10","phone":"14125550104"}\n\n');
    await served.close();
  });

  it("tells each stream its own reconnect delay, so screens do not all come back in the same second", async () => {
    const delays = new Set<number>();
    for (let i = 0; i < 8; i++) {
      const abort = new AbortController();
      const res = liveStream({ bus, signal: abort.signal, stillAllowed: async () => true });
      const reader = res.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      delays.add(Number(/^retry: (\d+)$/m.exec(first)?.[1]));
      abort.abort();
      await reader.cancel();
    }
    expect(delays.size).toBeGreaterThan(1);
    // A stream whose browser left before it started says its piece and closes at once.
    const fixed = liveStream({ bus, signal: AbortSignal.abort(), stillAllowed: async () => true, retryMs: 2_500 });
    const reader = fixed.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain("retry: 2500\n");
    expect((await reader.read()).done).toBe(true);
  });

  it("closes the stream once the viewer's session has ended", async () => {
    let allowed = true;
    const served = await serve(async (req) =>
      liveStream({ bus, signal: req.signal, stillAllowed: async () => allowed, heartbeatMs: 50 }),
    );
    const res = await fetch(served.url);
    const reading = readUntil(res, () => false);
    allowed = false;
    const { ended } = await reading;
    expect(ended).toBe(true);
    await served.close();
  });

  it("pushes device changes themselves to every open stream, with the version as the event id", async () => {
    const feed = new DeviceFeed();
    feed.replaceAll([bodyCamera("a"), bodyCamera("b")], meta, ok, 100);
    const served = await serve(async (req) =>
      liveStream({ bus, devices: { feed, now: () => 42, lastEventId: null }, signal: req.signal, stillAllowed: async () => true }),
    );
    const streams = await Promise.all(Array.from({ length: 20 }, () => fetch(served.url)));
    const readings = streams.map((res) => readUntil(res, (t) => t.includes("event: devices")));
    await new Promise((r) => setTimeout(r, 50)); // every stream subscribed
    const moved = { ...bodyCamera("a"), status: "buffering" as const };
    feed.replaceAll([moved, bodyCamera("b")], meta, ok, 101);
    for (const { text } of await Promise.all(readings)) {
      const event = /event: devices\nid: (\d+)\ndata: (.*)\n\n/.exec(text);
      expect(event?.[1]).toBe("101");
      expect(JSON.parse(event![2]!)).toMatchObject({ from: 100, version: 101, changed: [moved], removed: [], serverTime: 42 });
    }
    await served.close();
  });

  it("sends a reconnecting console what it missed since the Last-Event-ID it names", async () => {
    const feed = new DeviceFeed();
    feed.replaceAll([bodyCamera("a"), bodyCamera("b")], meta, ok, 100);
    feed.replaceAll([bodyCamera("a")], meta, ok, 101);
    const served = await serve(async (req) =>
      liveStream({
        bus,
        devices: { feed, now: () => 42, lastEventId: req.headers.get("last-event-id") },
        signal: req.signal,
        stillAllowed: async () => true,
      }),
    );
    const res = await fetch(served.url, { headers: { "last-event-id": "100" } });
    const { text } = await readUntil(res, (t) => t.includes("event: devices"));
    expect(text).toContain('"from":100,"version":101,"changed":[],"removed":["b"]');
    await served.close();
  });
});
