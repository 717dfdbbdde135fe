/**
 * The Websocket Events API on its own listener (the app's server routes no upgrades): `token` and
 * `event_types` in the query; 401 for a missing, unknown or expired token, 400 for missing or
 * unknown event types, 403 for a client that may not subscribe (a central station: "a partner
 * cannot subscribe to an alert"), 406 for a request that is not a WebSocket upgrade. Messages
 * older than five minutes on the sandbox clock are never delivered. The listener also runs the
 * platform's ticker (scenario arrivals, SLA expiry).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { SandboxClock } from "../clock";
import { MAX_EVENT_AGE_MS, type AlertsPlatform } from "./platform";
import { EVENT_TYPES, type EventEnvelope, type EventType } from "./wire";

export interface AlertsSocketServer {
  /** ws://host:port/v1 */
  url: string;
  port: number;
  /** Open connections (for tests and the control API). */
  connections(): number;
  /** Cut every connection without a close frame (a dropped network). */
  dropAll(): void;
  close(): Promise<void>;
}

const TICK_MS = 200;

function refuse(socket: Duplex, status: number, text: string, message: string): void {
  const body = JSON.stringify({ detail: message });
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export async function startAlertsSocket(
  platform: AlertsPlatform,
  clock: SandboxClock,
  options: { port?: number; host?: string } = {},
): Promise<AlertsSocketServer> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const subscribers = new Map<WebSocket, Set<EventType>>();

  const server = http.createServer((req, res) => {
    res.writeHead(406, { "content-type": "application/json" });
    res.end(JSON.stringify({ detail: "Not Acceptable: this endpoint only speaks WebSocket." }));
  });

  server.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (!/^\/(v1\/?)?$/.test(url.pathname)) return refuse(socket, 404, "Not Found", "Not found.");
    platform.tick();
    const check = platform.auth.check(url.searchParams.get("token"), clock.now());
    if (!check.ok) return refuse(socket, 401, "Unauthorized", check.reason === "expired" ? "Access Token expired" : "Invalid access token");
    const raw = (url.searchParams.get("event_types") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    if (raw.length === 0) return refuse(socket, 400, "Bad Request", "event_types is required: a comma separated list of alert events.");
    const unknown = raw.filter((t) => !(EVENT_TYPES as readonly string[]).includes(t));
    if (unknown.length > 0) return refuse(socket, 400, "Bad Request", `Unknown event_types: ${unknown.join(", ")}.`);
    if (check.role !== "ecc") return refuse(socket, 403, "Forbidden", "A partner cannot subscribe to alert events.");
    wss.handleUpgrade(req, socket, head, (ws) => {
      subscribers.set(ws, new Set(raw as EventType[]));
      ws.on("close", () => subscribers.delete(ws));
      ws.on("error", () => subscribers.delete(ws));
    });
  });

  const send = (ws: WebSocket, message: Record<string, unknown>) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };

  const unsubscribe = platform.board.subscribe((e: EventEnvelope) => {
    // The documented freshness rule, on the server side too.
    if (clock.now() - e.timestamp > MAX_EVENT_AGE_MS) return;
    const fault = platform.takeFault(["stale", "replay", "drop"]);
    if (fault === "drop") {
      dropAll();
      return;
    }
    const message = platform.wire(e);
    const targets = [...subscribers].filter(([, types]) => types.has(e.event)).map(([ws]) => ws);
    for (const ws of targets) {
      if (fault === "stale") send(ws, { ...message, timestamp: e.timestamp - MAX_EVENT_AGE_MS - 60_000 });
      else send(ws, message);
      // A replay: the same message again, which the client must ignore.
      if (fault === "replay") send(ws, message);
    }
  });

  const dropAll = () => {
    for (const ws of subscribers.keys()) ws.terminate();
    subscribers.clear();
  };

  const ticker = setInterval(() => platform.tick(), TICK_MS);
  ticker.unref();

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1";
  return {
    url: `ws://${host}:${port}/v1`,
    port,
    connections: () => subscribers.size,
    dropAll,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(ticker);
        unsubscribe();
        dropAll();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
