// npm run db:migration -- <name>: writes the SQL that takes the committed migrations to
// prisma/schema.prisma as a new migration. Used instead of `prisma migrate dev`, whose wasm
// schema engine cannot evaluate data loss against a driver-adapter shadow database.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bin } from "./lib/run";

const name = process.argv[2] ?? "";
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name> (lower case letters, digits and _)");
  process.exit(2);
}
if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL must name a Postgres server: the diff replays the migrations there.");
  process.exit(2);
}

const sql = execFileSync(
  bin("prisma"),
  [
    "migrate",
    "diff",
    "--from-migrations",
    "prisma/migrations",
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
  ],
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (!/^\s*(ALTER|CREATE|DROP)/m.test(sql)) {
  console.log("The schema matches the migrations; nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${dir}/migration.sql; apply it with npm run db:migrate.`);
