import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Serialises changes to one shopper's cart until the transaction ends: replies landing, website
 * changes, withdrawals and checkout all take it before they touch the cart's rows.
 */
export async function lockCart(tx: Prisma.TransactionClient, userId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`replycart:cart:${userId}`}))`;
}
