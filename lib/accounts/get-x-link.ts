import { db } from "@/lib/database/db";
import { X_PROVIDER_ID } from "@/lib/x/x-providers";

/** The shopper's linked X account (never its tokens), or null. */
export async function getXLink(userId: string) {
  return db.account.findFirst({
    where: { userId, provider: X_PROVIDER_ID },
    select: { providerAccountId: true, username: true, profileImageUrl: true, createdAt: true },
  });
}
