import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddress, installPeerAddressHeader, PEER_ADDRESS_HEADER } from "./client-address";
import { normalizeAddress, parseProxyEntry, TrustedProxies } from "./ip";

const headers = (h: Record<string, string>) => new Headers(h);
const NONE = new TrustedProxies([]);

describe("the client address", () => {
  it("ignores X-Forwarded-For and X-Real-IP when no proxy is trusted: the socket decides", () => {
    const h = headers({ [PEER_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "10.9.9.9", "x-real-ip": "10.8.8.8" });
    expect(clientAddress(h, NONE)).toBe("203.0.113.9");
    // Without a socket address there is no client address, whatever the headers claim.
    expect(clientAddress(headers({ "x-forwarded-for": "10.9.9.9" }), NONE)).toBeNull();
  });

  it("ignores forwarding headers from a peer that is not a trusted proxy", () => {
    const trusted = new TrustedProxies(["10.0.0.0/8"]);
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: "198.51.100.4", "x-forwarded-for": "1.2.3.4" }), trusted)).toBe("198.51.100.4");
  });

  it("believes a trusted proxy's last hop, skipping trusted hops, never the client's own entries", () => {
    const trusted = new TrustedProxies(["10.0.0.0/8", "192.168.1.1"]);
    const via = (xff: string) => clientAddress(headers({ [PEER_ADDRESS_HEADER]: "::ffff:10.1.2.3", "x-forwarded-for": xff }), trusted);
    expect(via("203.0.113.50")).toBe("203.0.113.50");
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxies appended what they saw.
    expect(via("6.6.6.6, 203.0.113.50, 192.168.1.1")).toBe("203.0.113.50");
    expect(via("not-an-ip, 10.0.0.9")).toBe("10.0.0.9");
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: "10.1.2.3", "x-real-ip": "203.0.113.51" }), trusted)).toBe("203.0.113.51");
  });

  it("parses and normalises addresses and CIDR blocks, refusing anything else", () => {
    expect(normalizeAddress("::FFFF:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(normalizeAddress("192.0.2.1:443")).toBe("192.0.2.1");
    expect(normalizeAddress("evil")).toBeNull();
    expect(parseProxyEntry("10.0.0.0/8")).toEqual({ address: "10.0.0.0", prefix: 8, family: "ipv4" });
    expect(parseProxyEntry("::1")).toEqual({ address: "::1", prefix: 128, family: "ipv6" });
    for (const bad of ["10.0.0.0/33", "example.com", "10.0.0.0/8/1", "", "10.0.0.0/x"]) expect(parseProxyEntry(bad)).toBeNull();
    expect(() => new TrustedProxies(["10.0.0.0/8", "proxy.local"])).toThrow(/proxy\.local/);
  });

  it("stamps every request to a Node server with its socket address, overwriting a client's copy", async () => {
    installPeerAddressHeader();
    const server = http.createServer((req, res) => res.end(String(req.headers[PEER_ADDRESS_HEADER])));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" } });
      expect(await res.text()).toBe("127.0.0.1");
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
