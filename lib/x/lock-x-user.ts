import { lockKeys } from "@/lib/database/advisory-locks";
import type { Sql } from "@/lib/database/sql";
import { X_REQUEST_TIMEOUT_MS } from "@/lib/x/client";

/**
 * Holds X users' locks until the transaction ends, taken in one statement and in a fixed order
 * (see lockKeys). Linking a shopper and connecting the brand take it, so each sees the
 * other's row before it writes its own: one X account is never both.
 */
export const lockXUsers = (sql: Sql, xUserIds: string[]) =>
  lockKeys(
    sql,
    xUserIds.map((id) => `replycart:x-user:${id}`),
  );

/**
 * For transactions that may wait on an Account row a token refresh holds: that refresh waits at
 * most one X request, so allow for it rather than fail with Prisma's 5-second default.
 */
export const ACCOUNT_ROW_TRANSACTION = { maxWait: 15_000, timeout: 3 * X_REQUEST_TIMEOUT_MS };
