import { grantAdmin } from "@/lib/accounts/grant-admin";
import { createPrismaClient } from "@/lib/database/db";
import { finishMigrations } from "@/lib/setup/finish-migrations";
import { parseEnv, type Mode } from "@/lib/env";
import { seedDatabase } from "@/lib/seed/seed-database";
import { bin, runOrThrow } from "./run";

/**
 * Applies committed migrations (and what follows them). A demo then gets the demo catalog if the
 * database has none yet; a deployment gets nothing but its merchant's owner role (ADMIN_EMAIL):
 * its catalog is the operator's (`npm run db:seed` for the demo's, on purpose).
 */
export async function prepareDatabase(options: {
  databaseUrl: string;
  appUrl: string;
  adminEmail: string;
  mode: Mode;
  log: (line: string) => void;
}) {
  const env = { ...process.env, DATABASE_URL: options.databaseUrl };
  await runOrThrow(bin("prisma"), ["migrate", "deploy"], { env, quiet: true });
  await finishMigrations(options.databaseUrl, {
    leaseSeconds: parseEnv(process.env, { forApp: false }).JOB_LEASE_SECONDS,
  });
  const db = createPrismaClient(options.databaseUrl);
  try {
    if (options.mode === "deployment") {
      const granted = await grantAdmin(db, options.adminEmail);
      if (granted.changed) options.log("ADMIN_EMAIL's account is the shop's owner.");
    } else if ((await db.marketplace.count()) === 0) {
      await seedDatabase(db, { appUrl: options.appUrl, adminEmail: options.adminEmail });
      options.log("Seeded the demo catalog (US and UK marketplaces) and the admin user.");
    }
  } finally {
    await db.$disconnect();
  }
}
