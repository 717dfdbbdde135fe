import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { backends } from "@/testing/databases";
import { serve } from "@/testing/serve";
import { LiveBus } from "./bus";
import { liveStream } from "./sse";

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
    expect(text).toContain("retry: 2000");
    expect(text).toContain('event: shared\ndata: {"id":"2b1c7a52-7c53-4a3b-9b0e-0d3c1b8c9f10","phone":"14125550104"}\n\n');
    await served.close();
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
});
