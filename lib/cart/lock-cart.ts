import type { Prisma } from "@/lib/generated/prisma/client";
import { lockKeysWith } from "@/lib/database/advisory-locks";
import { prismaSql, type Sql } from "@/lib/database/sql";

/**
 * Serialises changes to one shopper's cart until the transaction ends: replies landing, website
 * changes, withdrawals and checkout all take it before they touch the cart's rows.
 */
export const lockCartWith = (sql: Sql, userId: string) => lockCartsWith(sql, [userId]);

/** Several shoppers' cart locks, taken in one statement and in a fixed order (see lockKeysWith). */
export const lockCartsWith = (sql: Sql, userIds: string[]) =>
  lockKeysWith(
    sql,
    userIds.map((id) => `replycart:cart:${id}`),
  );

export const lockCart = (tx: Prisma.TransactionClient, userId: string) =>
  lockCartWith(prismaSql(tx), userId);
