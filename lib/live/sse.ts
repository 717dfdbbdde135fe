/**
 * A server-sent-events response for one console, until the browser goes away or its session ends.
 * Call nudges (`calls`, `call`, `shared`) wake the browser's conditional queries; device changes
 * travel as the changes themselves (`devices`, with the feed version as the event id), so a moving
 * camera costs the server no request and no database work per console. Each event is encoded once
 * for all the streams of this instance. A browser that reconnects sends the last id it saw
 * (EventSource does so by itself) and is sent what it missed, when this instance still has it.
 */
import "server-only";
import { betweenInstancesOnly, type LiveBus, type LiveEvent } from "./bus";
import type { DeviceDelta, DeviceFeed } from "./device-feed";

/** Comment lines keep proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

/**
 * How soon EventSource reconnects after a drop: 2–5 s, drawn per stream. When an instance restarts,
 * a center's hundred screens then come back spread over three seconds instead of all in the same
 * one (200 streams opened in one second held the load bench's p95 at about 3 s for that second);
 * meanwhile each console polls.
 */
export const RETRY_MIN_MS = 2_000;
export const RETRY_SPREAD_MS = 3_000;
const jitteredRetryMs = () => RETRY_MIN_MS + Math.floor(Math.random() * RETRY_SPREAD_MS);

export interface LiveStreamOptions {
  bus: Pick<LiveBus, "subscribe">;
  /** The device feed, the data clock, and the `Last-Event-ID` the browser reconnected with. */
  devices?: { feed: Pick<DeviceFeed, "subscribe" | "since">; now: () => number; lastEventId: string | null };
  /** The browser went away. */
  signal: AbortSignal;
  /**
   * Asked at every heartbeat: when the viewer's session has ended (idle, signed out, disabled), the
   * stream closes rather than keep telling a walked-away screen about new calls.
   */
  stillAllowed: () => Promise<boolean>;
  heartbeatMs?: number;
  /** The reconnect delay this stream tells EventSource (default: drawn from 2–5 s). */
  retryMs?: number;
  /** Called once when the stream ends, however it ends (frees its place under the stream limits). */
  onClose?: () => void;
}

const encoder = new TextEncoder();
const encodedNudges = new WeakMap<LiveEvent, Uint8Array>();
const encodedDeltas = new WeakMap<DeviceDelta, Uint8Array>();

/** One encoding per event, shared by every stream that sends it. */
function encodeNudge(event: LiveEvent): Uint8Array {
  let bytes = encodedNudges.get(event);
  if (!bytes) {
    const { type, ...data } = event;
    bytes = encoder.encode(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
    encodedNudges.set(event, bytes);
  }
  return bytes;
}

function encodeDelta(delta: DeviceDelta, now: () => number): Uint8Array {
  let bytes = encodedDeltas.get(delta);
  if (!bytes) {
    bytes = encoder.encode(`event: devices\nid: ${delta.version}\ndata: ${JSON.stringify({ ...delta, serverTime: now() })}\n\n`);
    encodedDeltas.set(delta, bytes);
  }
  return bytes;
}

export function liveStream({
  bus,
  devices,
  signal,
  stillAllowed,
  heartbeatMs = HEARTBEAT_MS,
  retryMs = jitteredRetryMs(),
  onClose,
}: LiveStreamOptions): Response {
  let cleanup = () => undefined as void;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (bytes: Uint8Array) => {
        try {
          controller.enqueue(bytes);
        } catch {
          cleanup();
        }
      };
      // Tell EventSource how soon to reconnect after a drop.
      send(encoder.encode(`retry: ${retryMs}\n: connected\n\n`));
      const unsubscribe = bus.subscribe((event: LiveEvent) => {
        // Device versions become deltas below (from the feed); the rest of the between-instance talk stays there.
        if (!betweenInstancesOnly(event)) send(encodeNudge(event));
      });
      let stopDevices = () => undefined as void;
      if (devices) {
        const missed = Number(devices.lastEventId);
        if (Number.isSafeInteger(missed) && missed > 0) {
          const delta = devices.feed.since(missed);
          if (delta && delta !== "current") send(encodeDelta(delta, devices.now));
        }
        const stop = devices.feed.subscribe((delta) => send(encodeDelta(delta, devices.now)));
        stopDevices = () => void stop();
      }
      const heartbeat = setInterval(() => {
        void stillAllowed()
          .catch(() => false)
          .then((ok) => (ok ? send(encoder.encode(": keep-alive\n\n")) : cleanup()));
      }, heartbeatMs);
      cleanup = () => {
        onClose?.();
        clearInterval(heartbeat);
        unsubscribe();
        stopDevices();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      // A browser that left before the stream started must not leave a subscription behind.
      if (signal.aborted) cleanup();
      else signal.addEventListener("abort", () => cleanup(), { once: true });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
