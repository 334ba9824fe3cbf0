import type { Prisma } from "@/lib/generated/prisma/client";
import { X_REQUEST_TIMEOUT_MS } from "@/lib/x/client";

/**
 * Holds one X user's lock until the transaction ends. Linking a shopper and connecting the brand
 * take it, so each sees the other's row before it writes its own: one X account is never both.
 */
export async function lockXUser(tx: Prisma.TransactionClient, xUserId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`replycart:x-user:${xUserId}`}))`;
}

/**
 * For transactions that may wait on an Account row a token refresh holds: that refresh waits at
 * most one X request, so allow for it rather than fail with Prisma's 5-second default.
 */
export const ACCOUNT_ROW_TRANSACTION = { maxWait: 15_000, timeout: 3 * X_REQUEST_TIMEOUT_MS };
