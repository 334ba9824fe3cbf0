import { db } from "@/lib/database/db";
import { ACCOUNT_ROW_TRANSACTION, lockXUsers } from "@/lib/x/lock-x-user";
import { BRAND_PROVIDER_ID, X_PROVIDER_ID } from "@/lib/x/x-providers";
import type { XGrantFields } from "@/lib/accounts/replace-x-tokens";
import { claimPendingAdds } from "@/lib/replies/pending/claim-pending-adds";
import { prismaSql } from "@/lib/database/sql";

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

/** "linked" says how many items from replies made before the link went into the cart. */
export type ClaimOutcome =
  { outcome: "linked"; claimedItems: number } | { outcome: "brand" | "taken" };

/**
 * Links X user `xUserId` to the shopper, unless it is the shop's brand account ("brand") or a
 * unique key refuses it ("taken": the X account is linked already, to anyone, or the shopper
 * has another). Postgres's unique keys decide between shop accounts racing for one X user.
 * The X user's pending adds move into the shopper's cart in the same transaction.
 */
export async function claimXLink(
  userId: string,
  xUserId: string,
  fields: XGrantFields,
): Promise<ClaimOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      await lockXUsers(prismaSql(tx), [xUserId]);
      const brand = await tx.account.count({
        where: { provider: BRAND_PROVIDER_ID, providerAccountId: xUserId },
      });
      if (brand) return { outcome: "brand" } as const;
      await tx.account.create({
        data: {
          ...fields,
          userId,
          type: "oauth",
          provider: X_PROVIDER_ID,
          providerAccountId: xUserId,
        },
      });
      // Replies made before the link wait as pending adds; they land with the link.
      const claimedItems = await claimPendingAdds(tx, userId, xUserId);
      return { outcome: "linked", claimedItems } as const;
    }, ACCOUNT_ROW_TRANSACTION);
  } catch (error) {
    if (isUniqueViolation(error)) return { outcome: "taken" };
    throw error;
  }
}
