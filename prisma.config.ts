import { defineConfig } from "prisma/config";
import { databaseUrl } from "./lib/env";
import { MigratingPrismaPg } from "./lib/database/pg-adapter";

// The js (wasm) schema engine needs no native download, which this project cannot do.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  async adapter() {
    return new MigratingPrismaPg(databaseUrl());
  },
});
