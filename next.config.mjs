/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native/wasm or worker-thread packages stay outside the server bundle and load from node_modules.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pino", "libphonenumber-js"],
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
