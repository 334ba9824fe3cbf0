// npm run db:migrate: the committed migrations, then what Prisma's cannot hold (CHECK
// constraints, the job queues). DATABASE_URL names the database.
import { finishMigrations } from "@/lib/setup/finish-migrations";
import { databaseUrl, EnvError, parseEnv } from "@/lib/env";
import { bin, runOrThrow } from "./lib/run";

async function main() {
  const url = databaseUrl();
  const env = parseEnv(process.env, { forApp: false });
  await runOrThrow(bin("prisma"), ["migrate", "deploy"], { env: process.env });
  await finishMigrations(url, { leaseSeconds: env.JOB_LEASE_SECONDS });
  console.log("Migrations, CHECK constraints and job queues are in place.");
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
