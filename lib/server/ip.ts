/** IP addresses and CIDR blocks, as TRUSTED_PROXIES lists them. Pure: the config schema uses it. */
import net from "node:net";

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) is 192.0.2.1. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let a = raw.trim();
  if (a.startsWith("[") && a.includes("]")) a = a.slice(1, a.indexOf("]"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) a = mapped[1]!;
  // "192.0.2.1:1234" (some proxies add the port)
  const v4port = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(a);
  if (v4port) a = v4port[1]!;
  return net.isIP(a) ? a.toLowerCase() : null;
}

/** Parse one TRUSTED_PROXIES entry; null when it is neither an address nor a CIDR block. */
export function parseProxyEntry(entry: string): { address: string; prefix: number; family: "ipv4" | "ipv6" } | null {
  const [addr, bits, extra] = entry.trim().split("/");
  if (extra !== undefined || !addr) return null;
  const address = normalizeAddress(addr);
  if (!address) return null;
  const family = net.isIPv4(address) ? "ipv4" : "ipv6";
  const max = family === "ipv4" ? 32 : 128;
  if (bits === undefined) return { address, prefix: max, family };
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > max) return null;
  return { address, prefix: Number(bits), family };
}

export class TrustedProxies {
  private readonly list = new net.BlockList();
  readonly size: number;

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const parsed = parseProxyEntry(entry);
      if (!parsed) throw new Error(`not an IP address or CIDR block: ${entry}`);
      this.list.addSubnet(parsed.address, parsed.prefix, parsed.family);
    }
    this.size = entries.length;
  }

  has(address: string): boolean {
    return this.list.check(address, net.isIPv4(address) ? "ipv4" : "ipv6");
  }
}

