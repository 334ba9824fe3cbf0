import { createPrismaClient } from "@/lib/database/db";
import { DEMO_ADMIN_EMAIL, parseEnv } from "@/lib/env";
import { seedDatabase } from "@/lib/seed/seed-database";

async function main() {
  const env = parseEnv(process.env, { forApp: false });
  const db = createPrismaClient();
  try {
    await seedDatabase(db, {
      appUrl: env.APP_URL,
      adminEmail: env.ADMIN_EMAIL ?? DEMO_ADMIN_EMAIL,
    });
    console.log("Seeded the demo catalog and admin user.");
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
