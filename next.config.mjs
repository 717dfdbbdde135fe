/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // LEI answers on `/location` and `/location/`; Next's 308 to the slash-less form would add a hop
  // the real API does not have. The sandbox router accepts both forms.
  skipTrailingSlashRedirect: true,
  // Native/wasm or worker-thread packages stay outside the server bundle and load from node_modules.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pino", "libphonenumber-js"],
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
