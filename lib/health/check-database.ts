import { db as defaultDb } from "@/lib/database/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { prismaSql } from "@/lib/database/sql";
import { statement } from "@/lib/database/statement";

const PING = statement(`SELECT 1`);

export type DatabaseHealth = { ok: true; latencyMs: number } | { ok: false; error: string };

/** Runs a trivial query; never throws, so the health route can always answer. */
export async function checkDatabase(
  db: PrismaClient = defaultDb,
  timeoutMs = 2000,
): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      prismaSql(db).execute(PING),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timed out")), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // The message names the failure class only; connection strings never leave the server.
    const message =
      error instanceof Error && error.message === "timed out" ? "timed out" : "unreachable";
    return { ok: false, error: message };
  } finally {
    clearTimeout(timer);
  }
}
