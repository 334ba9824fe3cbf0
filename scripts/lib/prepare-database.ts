import { createPrismaClient } from "@/lib/db";
import { finishMigrations } from "@/lib/database/finish-migrations";
import { parseEnv } from "@/lib/env";
import { seedDatabase } from "@/lib/seed/seed-database";
import { bin, runOrThrow } from "./run";

/** Applies committed migrations (and what follows them), then seeds the demo catalog if the database has none yet. */
export async function prepareDatabase(options: {
  databaseUrl: string;
  appUrl: string;
  adminEmail: string;
  log: (line: string) => void;
}) {
  const env = { ...process.env, DATABASE_URL: options.databaseUrl };
  await runOrThrow(bin("prisma"), ["migrate", "deploy"], { env, quiet: true });
  await finishMigrations(options.databaseUrl, {
    leaseSeconds: parseEnv(process.env, { forApp: false }).JOB_LEASE_SECONDS,
  });
  const db = createPrismaClient(options.databaseUrl);
  try {
    if ((await db.marketplace.count()) === 0) {
      await seedDatabase(db, { appUrl: options.appUrl, adminEmail: options.adminEmail });
      options.log("Seeded the demo catalog (US and UK marketplaces) and the admin user.");
    }
  } finally {
    await db.$disconnect();
  }
}
