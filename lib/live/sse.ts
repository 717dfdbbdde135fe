/** A server-sent-events response that forwards live nudges until the browser goes away. */
import "server-only";
import { liveBus, type LiveEvent } from "./bus";

/** Comment lines keep proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

export function liveStream(signal: AbortSignal): Response {
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
      const unsubscribe = liveBus().subscribe((event: LiveEvent) => {
        const { type, ...data } = event;
        send(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
      });
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      cleanup = () => {
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
