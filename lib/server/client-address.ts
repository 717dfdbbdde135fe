/**
 * Who is on the other end of a request, as far as the network can tell us — the address that
 * sign-in throttling, Data Share rate limits and every audit row use.
 *
 * Next's route handlers never see the socket, and Next itself copies the socket address into
 * X-Forwarded-For only when the client did not send one (`??=` in its base server), so that header
 * is whatever a stranger typed. `installPeerAddressHeader` (run from instrumentation.ts before the
 * server answers) stamps every incoming request with the real socket address in PEER_ADDRESS_HEADER,
 * overwriting anything a client sent under that name. Forwarding headers are then believed only
 * when that socket peer is a configured trusted proxy (TRUSTED_PROXIES), and then only as far back
 * as the chain of trusted hops goes.
 */
import http from "node:http";
import { getConfig } from "@/lib/config/env";
import { normalizeAddress, TrustedProxies } from "./ip";

export const PEER_ADDRESS_HEADER = "x-dispatcher-map-peer";

/**
 * The client's address: the socket peer, unless that peer is a trusted proxy, in which case the
 * nearest address in X-Forwarded-For (read right to left) that is not itself a trusted proxy; with
 * no X-Forwarded-For from a trusted proxy, its X-Real-IP. Null when the socket is unknown (a request
 * that did not come through our server): unknown, never a header's word for it.
 */
export function clientAddress(headers: Headers, trusted: TrustedProxies): string | null {
  const peer = normalizeAddress(headers.get(PEER_ADDRESS_HEADER));
  if (!peer || trusted.size === 0 || !trusted.has(peer)) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (forwarded.length === 0) return normalizeAddress(headers.get("x-real-ip")) ?? peer;
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(forwarded[i]);
    // Garbage in the chain: everything left of it is the client's own say-so.
    if (!hop) return i === forwarded.length - 1 ? peer : normalizeAddress(forwarded[i + 1]);
    if (!trusted.has(hop)) return hop;
  }
  return normalizeAddress(forwarded[0]) ?? peer;
}

const INSTALLED = Symbol.for("dispatcher-map.peer-address-header");

/**
 * Stamp every request any http.Server in this process receives with its socket address. Idempotent.
 * Patched on the prototype because Next creates its server before instrumentation runs.
 */
export function installPeerAddressHeader(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      const peer = req.socket?.remoteAddress;
      if (peer) req.headers[PEER_ADDRESS_HEADER] = peer;
      else delete req.headers[PEER_ADDRESS_HEADER];
    }
    return (emit as (...a: unknown[]) => boolean).call(this, event, ...args);
  } as typeof proto.emit;
  proto[INSTALLED] = true;
}

/** The configured TRUSTED_PROXIES. */
export function configuredTrustedProxies(): TrustedProxies {
  return getConfig().trustedProxies;
}
