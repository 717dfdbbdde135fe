import { describe, expect, it } from "vitest";
import type { Device } from "@/lib/axon/types";
import { bodyCamera } from "@/testing/fixtures";
import { applyDelta, type DeviceFeedStatus } from "./device-delta";
import { DeviceFeed } from "./device-feed";

const meta = { agency: "Sandbox PD", dropped: 0, notice: null };
const ok: DeviceFeedStatus = { ok: true, detail: null, lastOkAt: 1, status: null, retryAfterS: null };
const cam = (id: string, over: Partial<Device> = {}): Device => bodyCamera(id, over);
const moved = (d: Device, dLat: number): Device => ({ ...d, location: { ...d.location!, latitude: d.location!.latitude + dLat } });

describe("the device feed", () => {
  it("makes a version only when something a console shows changed", () => {
    const feed = new DeviceFeed();
    const first = feed.replaceAll([cam("a"), cam("b")], meta, ok, 100);
    expect(first).toMatchObject({ from: 0, version: 100, removed: [] });
    expect(first!.changed.map((d) => d.id)).toEqual(["a", "b"]);
    // The same answer again, a later lastOkAt only: no new version, nothing sent to consoles.
    expect(feed.replaceAll([cam("a"), cam("b")], meta, { ...ok, lastOkAt: 2 }, 101)).toBeNull();
    expect(feed.version).toBe(100);
  });

  it("sends only the devices that changed, and the ones that went", () => {
    const feed = new DeviceFeed();
    const a = cam("a");
    feed.replaceAll([a, cam("b"), cam("c")], meta, ok, 100);
    const delta = feed.replaceAll([moved(a, 0.001), cam("b")], meta, ok, 101)!;
    expect(delta.changed.map((d) => d.id)).toEqual(["a"]);
    expect(delta.removed).toEqual(["c"]);
  });

  it("answers what a console is missing: nothing, one merged delta, or the whole state", () => {
    const feed = new DeviceFeed();
    const a = cam("a");
    feed.replaceAll([a, cam("b")], meta, ok, 100);
    const held = feed.snapshot(0);
    feed.replaceAll([moved(a, 0.001), cam("b")], meta, ok, 101);
    feed.replaceAll([moved(a, 0.002)], meta, ok, 102);
    expect(feed.since(102)).toBe("current");
    const missed = feed.since(100);
    expect(missed).not.toBe("current");
    expect(missed).toMatchObject({ from: 100, version: 102, removed: ["b"] });
    // Applied to what the console held, it is exactly the feed's state.
    const next = applyDelta(held, missed as Exclude<typeof missed, "current" | null>, 5)!;
    expect(next.devices).toEqual(feed.snapshot(5).devices);
    expect(next.version).toBe(102);
    // A version this instance never had (another instance's, or older than its history): the whole state.
    expect(feed.since(99)).toBeNull();
    expect(feed.since(500)).toBeNull();
  });

  it("refuses a delta that does not follow what a console holds", () => {
    const feed = new DeviceFeed();
    feed.replaceAll([cam("a")], meta, ok, 100);
    const held = feed.snapshot(0);
    feed.replaceAll([cam("a"), cam("b")], meta, ok, 101);
    const second = feed.replaceAll([cam("b")], meta, ok, 102)!;
    expect(applyDelta(held, second, 0)).toBeNull();
  });

  it("keeps every device through an outage and says why, once", () => {
    const feed = new DeviceFeed();
    feed.replaceAll([cam("a")], meta, ok, 100);
    const down: DeviceFeedStatus = { ok: false, detail: "Axon is limiting how often we may ask.", lastOkAt: 1, status: 429, retryAfterS: 5 };
    expect(feed.setUpstream(down, 101)).toMatchObject({ changed: [], removed: [], upstream: down });
    expect(feed.setUpstream(down, 102)).toBeNull();
    expect(feed.snapshot(0)).toMatchObject({ devices: [expect.objectContaining({ id: "a" })], upstream: down });
  });

  it("lets the first request wait for the first poll, and no longer than asked", async () => {
    const feed = new DeviceFeed();
    const waiting = feed.settled(5_000);
    setTimeout(() => feed.replaceAll([cam("a")], meta, ok, 100), 10);
    expect(await waiting).toBe(true);
    expect(await new DeviceFeed().settled(20)).toBe(false);
  });

  it("a follower takes the leader's version even when nothing differs locally", () => {
    const feed = new DeviceFeed();
    feed.replaceAll([cam("a")], meta, ok, 100);
    expect(feed.applyChanges([cam("a")], [], meta, ok, 105)).toMatchObject({ from: 100, version: 105, changed: [] });
    expect(feed.version).toBe(105);
  });
});
