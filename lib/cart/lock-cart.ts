import type { Prisma } from "@/lib/generated/prisma/client";
import { prismaSql, type Sql } from "@/lib/database/sql";

/**
 * Serialises changes to one shopper's cart until the transaction ends: replies landing, website
 * changes, withdrawals and checkout all take it before they touch the cart's rows.
 */
export async function lockCartWith(sql: Sql, userId: string) {
  await sql.execute(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`replycart:cart:${userId}`]);
}

export const lockCart = (tx: Prisma.TransactionClient, userId: string) =>
  lockCartWith(prismaSql(tx), userId);
