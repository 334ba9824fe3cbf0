import { lockKeys } from "@/lib/database/advisory-locks";
import type { Sql } from "@/lib/database/sql";

/**
 * Serialises changes to shoppers' carts until the transaction ends: replies landing, website
 * changes, withdrawals and checkout all take it before they touch a cart's rows. Several carts
 * are locked in one statement and in a fixed order (see lockKeys).
 */
export const lockCarts = (sql: Sql, userIds: string[]) =>
  lockKeys(
    sql,
    userIds.map((id) => `replycart:cart:${id}`),
  );
