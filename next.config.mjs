// On every response; pages also get a nonce CSP from proxy.ts.
const securityHeaders = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // LEI answers on `/location` and `/location/`; Next's 308 to the slash-less form would add a hop
  // the real API does not have. The sandbox router accepts both forms.
  skipTrailingSlashRedirect: true,
  // Native/wasm or worker-thread packages stay outside the server bundle and load from node_modules.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pino", "libphonenumber-js", "ws"],
  typescript: { ignoreBuildErrors: false },
  // Server actions (sign-in, sign-out) take a few hundred bytes; Next's default would read 1 MB.
  // Next buffers a body for proxy.ts (pages, /sandbox/*) before any route code runs: 1 MB, not its 10 MB default.
  experimental: { serverActions: { bodySizeLimit: "64kb" }, proxyClientMaxBodySize: "1mb" },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
