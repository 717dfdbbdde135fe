/**
 * The device feed's versions and deltas as they travel to consoles (the live stream and
 * `/api/devices?since=`), and how a console applies one. Safe in the browser.
 */
import type { Device, DevicesResponse } from "@/lib/axon/types";

/** How the poller's last attempts at Axon went, as the console's banner tells it. */
export interface DeviceFeedStatus {
  ok: boolean;
  /** Why not, in words for the banner (never a URL or token). */
  detail: string | null;
  /** The last time Axon answered (epoch ms); null if it never has. */
  lastOkAt: number | null;
  /** The status a console would have seen had it asked itself (429, 502, 504 …), and Retry-After. */
  status: number | null;
  retryAfterS: number | null;
}

export interface DeviceFeedMeta {
  agency: string | null;
  dropped: number;
  notice: string | null;
}

/** What changed between two versions. */
export interface DeviceDelta {
  from: number;
  version: number;
  changed: Device[];
  removed: string[];
  meta: DeviceFeedMeta;
  upstream: DeviceFeedStatus;
}

/** The whole state at one version, as `/api/devices` answers it. */
export interface DeviceSnapshot extends DevicesResponse {
  version: number;
  upstream: DeviceFeedStatus;
}

/** Several consecutive deltas as one: the last word on each device wins. */
export function mergeDeltas(deltas: readonly DeviceDelta[]): DeviceDelta {
  const first = deltas[0]!;
  const last = deltas[deltas.length - 1]!;
  const changed = new Map<string, Device>();
  const removed = new Set<string>();
  for (const d of deltas) {
    for (const device of d.changed) {
      changed.set(device.id, device);
      removed.delete(device.id);
    }
    for (const id of d.removed) {
      changed.delete(id);
      removed.add(id);
    }
  }
  return { from: first.from, version: last.version, changed: [...changed.values()], removed: [...removed], meta: last.meta, upstream: last.upstream };
}

/**
 * A console's state moved on by a delta, or null when the delta does not start from its version
 * (it missed one: fetch the state again). Devices keep their order; new ones go last.
 */
export function applyDelta(state: DeviceSnapshot, delta: DeviceDelta, serverTime: number): DeviceSnapshot | null {
  if (state.version !== delta.from) return null;
  const byId = new Map(state.devices.map((d) => [d.id, d]));
  for (const id of delta.removed) byId.delete(id);
  for (const device of delta.changed) byId.set(device.id, device);
  const { notice, ...rest } = state;
  void notice;
  return {
    ...rest,
    agency: delta.meta.agency,
    dropped: delta.meta.dropped,
    ...(delta.meta.notice ? { notice: delta.meta.notice } : {}),
    devices: [...byId.values()],
    version: delta.version,
    upstream: delta.upstream,
    serverTime,
  };
}
