import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/client";
import { backends } from "@/testing/databases";
import { serve, type Served } from "@/testing/serve";
import { LiveBus } from "./bus";
import { liveStream } from "./sse";
import { StreamLimits, tooManyStreams } from "./stream-limits";

describe("live stream limits", () => {
  let database: Database;
  let served: Served;
  const limits = new StreamLimits({ perSession: 3, perInstance: 5 });

  beforeAll(async () => {
    database = await backends[0]!.open();
    const bus = new LiveBus(async () => database);
    await bus.start();
    // As /api/events does, with the session named by a header instead of a cookie.
    served = await serve(async (req) => {
      const release = limits.acquire(req.headers.get("x-session") ?? "");
      if (!release) return tooManyStreams();
      return liveStream({ bus, signal: req.signal, stillAllowed: async () => true, heartbeatMs: 60_000, onClose: release });
    });
  });
  afterAll(async () => {
    await served?.close();
    await database?.close();
  });

  const open = async (session: string) => {
    const controller = new AbortController();
    const res = await fetch(served.url, { headers: { "x-session": session }, signal: controller.signal });
    return { res, close: () => controller.abort() };
  };

  it("refuses a session's stream beyond its limit with 429, and frees the place when one closes", async () => {
    const mine = await Promise.all([open("s1"), open("s1"), open("s1")]);
    expect(mine.map((s) => s.res.status)).toEqual([200, 200, 200]);
    const extra = await open("s1");
    expect(extra.res.status).toBe(429);
    expect(extra.res.headers.get("retry-after")).toBe("30");
    expect(await extra.res.json()).toMatchObject({ error: "too_many_streams" });
    // Another session is not held back by this one.
    const other = await open("s2");
    expect(other.res.status).toBe(200);

    mine[0]!.close();
    await vi.waitFor(() => expect(limits.open.total).toBe(3));
    const again = await open("s1");
    expect(again.res.status).toBe(200);

    // Per instance: 5 in all, whoever asks.
    const fifth = await open("s3");
    expect(fifth.res.status).toBe(200);
    expect((await open("s4")).res.status).toBe(429);

    for (const s of [...mine, other, again, fifth]) s.close();
    await vi.waitFor(() => expect(limits.open).toEqual({ total: 0, sessions: 0 }));
  });

  it("releases once however often a stream is ended", () => {
    const l = new StreamLimits({ perSession: 1, perInstance: 1 });
    const release = l.acquire("a")!;
    expect(l.acquire("a")).toBeNull();
    release();
    release();
    expect(l.open).toEqual({ total: 0, sessions: 0 });
    expect(l.acquire("b")).not.toBeNull();
    expect(l.acquire("c")).toBeNull();
  });
});
