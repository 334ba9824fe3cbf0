import { setTimeout as sleep } from "node:timers/promises";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { revokeTokensAtX } from "@/lib/x/revoke-tokens";
import { openToken } from "@/lib/x/token-store";

/** What a refresh got from X, ready to store. */
export type RotatedTokens = {
  /** The refresh token X spent, sealed as the row held it. */
  spent: string;
  accessToken: string;
  refreshToken: string;
  columns: Prisma.AccountUpdateManyMutationInput;
};

const ATTEMPTS = 3;

/**
 * Stores the tokens of a refresh whose transaction failed after X answered (its commit failed,
 * its connection died, or its time ran out). X has already spent the old refresh token, so
 * without these the account would need a reconnect. They are written only over the spent
 * token: a reconnect or an unlink that came in between wins, and this grant is revoked at X.
 * True when the row holds them.
 *
 * The row lock ended with the failed transaction, so another process may have taken it just
 * before this write and tried the spent token: X refused it, and this write clears the
 * tokenError that left, as the row's refresh token is still the spent one.
 */
export async function keepRotatedTokens(
  db: PrismaClient,
  accountId: string,
  rotated: RotatedTokens,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { count } = await db.account.updateMany({
        where: { id: accountId, refresh_token: rotated.spent },
        data: rotated.columns,
      });
      if (count) return true;
      const row = await db.account.findUnique({
        where: { id: accountId },
        select: { refresh_token: true },
      });
      // The commit went through after all; only its answer was lost.
      if (row && openToken(row.refresh_token) === rotated.refreshToken) return true;
      await revokeTokensAtX(rotated, "the refreshed X tokens of an account replaced meanwhile");
      return false;
    } catch (error) {
      if (attempt === ATTEMPTS) throw error;
      await sleep(250 * attempt); // the database may be back in a moment
    }
  }
}
