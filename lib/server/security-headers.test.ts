import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./security-headers";

const directive = (csp: string, name: string) =>
  csp.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";

describe("content security policy", () => {
  it("allows only our own scripts, by nonce, and no framing", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", mapStyleUrl: null, dev: false });
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "connect-src")).toBe("connect-src 'self'");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("lets MapLibre run its worker", () => {
    const csp = contentSecurityPolicy({ nonce: "n", mapStyleUrl: "/tiles/area.pmtiles", dev: false });
    expect(directive(csp, "worker-src")).toContain("blob:");
    expect(directive(csp, "connect-src")).toBe("connect-src 'self'");
  });

  it("opens tiles to https hosts only when an external map style is configured", () => {
    const csp = contentSecurityPolicy({
      nonce: "n",
      mapStyleUrl: "https://tiles.example.gov/style.json",
      dev: false,
    });
    expect(directive(csp, "connect-src")).toBe("connect-src 'self' https:");
    expect(directive(csp, "img-src")).toContain("https:");
  });
});
