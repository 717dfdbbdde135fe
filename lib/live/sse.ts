/** A server-sent-events response that forwards live nudges until the browser goes away. */
import "server-only";
import type { LiveBus, LiveEvent } from "./bus";

/** Comment lines keep proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

export interface LiveStreamOptions {
  bus: Pick<LiveBus, "subscribe">;
  /** The browser went away. */
  signal: AbortSignal;
  /**
   * Asked at every heartbeat: when the viewer's session has ended (idle, signed out, disabled), the
   * stream closes rather than keep telling a walked-away screen about new calls.
   */
  stillAllowed: () => Promise<boolean>;
  heartbeatMs?: number;
  /** Called once when the stream ends, however it ends (frees its place under the stream limits). */
  onClose?: () => void;
}

export function liveStream({ bus, signal, stillAllowed, heartbeatMs = HEARTBEAT_MS, onClose }: LiveStreamOptions): Response {
  const encoder = new TextEncoder();
  let cleanup = () => undefined as void;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      // Tell EventSource how soon to reconnect after a drop.
      send("retry: 2000\n: connected\n\n");
      const unsubscribe = bus.subscribe((event: LiveEvent) => {
        const { type, ...data } = event;
        send(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
      });
      const heartbeat = setInterval(() => {
        void stillAllowed()
          .catch(() => false)
          .then((ok) => (ok ? send(": keep-alive\n\n") : cleanup()));
      }, heartbeatMs);
      cleanup = () => {
        onClose?.();
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      signal.addEventListener("abort", () => cleanup(), { once: true });
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
