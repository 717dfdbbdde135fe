/**
 * The body cameras as this instance knows them: the latest Axon state, versioned. One instance in
 * the cluster polls Axon (see lib/axon/device-poller.ts) and feeds it; the others are fed from the
 * database. Consoles read it — `/api/devices` and the live stream — and never cause an upstream call.
 *
 * Every change (a device moved, changed status, appeared or went; Axon stopped or started answering)
 * makes a new version and a delta from the previous one. Recent deltas are kept, so a console that
 * says which version it has gets only what it missed; one too far behind gets the whole state.
 */
import "server-only";
import type { Device } from "@/lib/axon/types";
import { mergeDeltas, type DeviceDelta, type DeviceFeedMeta, type DeviceFeedStatus, type DeviceSnapshot } from "./device-delta";

export type { DeviceDelta, DeviceFeedMeta, DeviceFeedStatus, DeviceSnapshot };

/** Enough for a console that missed a minute of 5-second polls to catch up with a delta. */
const HISTORY = 24;

const UNKNOWN_STATUS: DeviceFeedStatus = { ok: true, detail: null, lastOkAt: null, status: null, retryAfterS: null };

export class DeviceFeed {
  #version = 0;
  readonly #devices = new Map<string, Device>();
  /** The JSON of each device as last seen: the cheap, exact "did it change" test. */
  readonly #json = new Map<string, string>();
  #meta: DeviceFeedMeta = { agency: null, dropped: 0, notice: null };
  #upstream: DeviceFeedStatus = UNKNOWN_STATUS;
  /** True once the feed holds real data (a poll answered, or a follower loaded the state). */
  #loaded = false;
  readonly #history: DeviceDelta[] = [];
  readonly #listeners = new Set<(delta: DeviceDelta) => void>();
  #attempted = false;
  readonly #waiters = new Set<() => void>();

  get version(): number {
    return this.#version;
  }

  get loaded(): boolean {
    return this.#loaded;
  }

  get upstream(): DeviceFeedStatus {
    return this.#upstream;
  }

  /**
   * Resolves once the first poll has answered or failed (at most `timeoutMs`), so a console that
   * opens as the server starts gets data or a clear failure, not an empty map. True when the feed
   * holds data.
   */
  async settled(timeoutMs: number): Promise<boolean> {
    if (!this.#attempted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.#waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        this.#waiters.add(done);
      });
    }
    return this.#loaded;
  }

  /**
   * A complete answer from Axon (the poller) or a complete state (a follower's first load): every
   * device not in it is gone. Returns the delta, or null when nothing changed.
   */
  replaceAll(
    devices: readonly Device[],
    meta: DeviceFeedMeta,
    upstream: DeviceFeedStatus,
    version = this.#version + 1,
  ): DeviceDelta | null {
    const seen = new Set<string>();
    const changed: Device[] = [];
    for (const device of devices) {
      seen.add(device.id);
      if (this.#put(device)) changed.push(device);
    }
    const removed = [...this.#devices.keys()].filter((id) => !seen.has(id));
    for (const id of removed) this.#drop(id);
    const first = !this.#loaded;
    this.#loaded = true;
    return this.#commit(changed, removed, meta, upstream, version, first);
  }

  /**
   * Part of a state: what a follower reads from the database after the leader's change. The
   * follower takes the leader's version even when nothing differs here, so a console's version
   * means the same state on every instance.
   */
  applyChanges(
    changed: readonly Device[],
    removed: readonly string[],
    meta: DeviceFeedMeta,
    upstream: DeviceFeedStatus,
    version: number,
  ): DeviceDelta | null {
    const really = changed.filter((d) => this.#put(d));
    const gone = removed.filter((id) => this.#devices.has(id));
    for (const id of gone) this.#drop(id);
    this.#loaded = true;
    return this.#commit(really, gone, meta, upstream, version, true);
  }

  /** Axon did not answer: keep every device as it was, say why. */
  setUpstream(upstream: DeviceFeedStatus, version = this.#version + 1): DeviceDelta | null {
    return this.#commit([], [], this.#meta, upstream, version, false);
  }

  snapshot(serverTime: number): DeviceSnapshot {
    return {
      agency: this.#meta.agency,
      devices: [...this.#devices.values()],
      dropped: this.#meta.dropped,
      ...(this.#meta.notice ? { notice: this.#meta.notice } : {}),
      serverTime,
      version: this.#version,
      upstream: this.#upstream,
    };
  }

  /**
   * What a console holding `version` is missing: "current" when nothing, one merged delta when the
   * history reaches back that far, null when it must take the whole state.
   */
  since(version: number): DeviceDelta | "current" | null {
    if (version === this.#version) return "current";
    if (version > this.#version || version <= 0) return null;
    const start = this.#history.findIndex((d) => d.from === version);
    if (start === -1) return null;
    return mergeDeltas(this.#history.slice(start));
  }

  subscribe(listener: (delta: DeviceDelta) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #put(device: Device): boolean {
    const json = JSON.stringify(device);
    if (this.#json.get(device.id) === json) return false;
    this.#json.set(device.id, json);
    this.#devices.set(device.id, device);
    return true;
  }

  #drop(id: string): void {
    this.#devices.delete(id);
    this.#json.delete(id);
  }

  #attempt(): void {
    if (this.#attempted) return;
    this.#attempted = true;
    for (const done of [...this.#waiters]) done();
  }

  #commit(
    changed: Device[],
    removed: string[],
    meta: DeviceFeedMeta,
    upstream: DeviceFeedStatus,
    version: number,
    force: boolean,
  ): DeviceDelta | null {
    this.#attempt();
    const metaChanged = JSON.stringify(meta) !== JSON.stringify(this.#meta);
    // A successful poll moves lastOkAt every time; only a change of ok/detail is news to a console.
    const upstreamChanged =
      upstream.ok !== this.#upstream.ok || upstream.detail !== this.#upstream.detail || upstream.status !== this.#upstream.status;
    if (!force && changed.length === 0 && removed.length === 0 && !metaChanged && !upstreamChanged) {
      this.#upstream = upstream;
      return null;
    }
    this.#meta = meta;
    this.#upstream = upstream;
    const delta: DeviceDelta = {
      from: this.#version,
      version,
      changed,
      removed,
      meta,
      upstream,
    };
    if (delta.version <= delta.from) return null;
    this.#version = delta.version;
    this.#history.push(delta);
    if (this.#history.length > HISTORY) this.#history.shift();
    for (const listener of this.#listeners) listener(delta);
    return delta;
  }
}
