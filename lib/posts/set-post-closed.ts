import type { PrismaClient } from "@/lib/generated/prisma/client";
import { refuse, type Refusal } from "@/lib/actions/result";
import { recordAudit, type AuditActor, type AuditReceipt } from "@/lib/audit/record-audit";

export type SetPostClosedResult =
  { ok: true; audit: AuditReceipt; closedAt: Date | null } | Refusal<"no_post" | "unchanged">;

/**
 * Closes a product post for replies (later replies get POST_CLOSED and add nothing) or reopens
 * it. Replies already processed keep what they added. The change and its audit event commit
 * together; closing a closed post (or reopening an open one) changes nothing and is refused.
 */
export async function setPostClosed(
  db: PrismaClient,
  actor: AuditActor,
  tweetId: string,
  closed: boolean,
): Promise<SetPostClosedResult> {
  return db.$transaction(async (tx) => {
    // FOR UPDATE through a conditional update: two clicks at once make one change and one record.
    const changed = await tx.productTweet.updateManyAndReturn({
      where: { tweetId, closedAt: closed ? null : { not: null } },
      data: { closedAt: closed ? new Date() : null },
      select: { tweetId: true, productId: true, closedAt: true },
    });
    const [post] = changed;
    if (!post) {
      const exists = await tx.productTweet.count({ where: { tweetId } });
      return exists
        ? refuse(
            "unchanged",
            closed ? "This post is already closed." : "This post is already open.",
          )
        : refuse("no_post", "No such product post.");
    }
    const audit = await recordAudit(tx, {
      actor,
      action: closed ? "post.close" : "post.reopen",
      subject: { type: "ProductTweet", id: tweetId },
      before: { productId: post.productId, closed: !closed },
      after: { productId: post.productId, closed },
    });
    return { ok: true as const, audit, closedAt: post.closedAt };
  });
}
