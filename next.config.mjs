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
  experimental: {
    // Server actions (sign-in, sign-out) take a few hundred bytes; Next's default would read 1 MB.
    serverActions: { bodySizeLimit: "64kb" },
    // Next buffers a body for proxy.ts (pages, /sandbox/*) before any route code runs: 1 MB, not its 10 MB default.
    proxyClientMaxBodySize: "1mb",
    // Turbopack's chunker: fewer, larger client chunks per route (the console went from 15 files to 8).
    // Each file is compressed on its own, so code split across many small ones compresses worse: every
    // route measured loads less (bench/weight.ts; console -4.2 KiB gzip, review/sign-in/admin -1 KiB).
    turbopackChunking: { minChunkSize: 400_000, maxChunkCountPerGroup: 4, requestCost: 2_000_000 },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
