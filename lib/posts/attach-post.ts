import { ApiResponseError } from "twitter-api-v2";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { refuse, type Refusal } from "@/lib/actions/result";
import { recordAudit, type AuditActor, type AuditReceipt } from "@/lib/audit/record-audit";
import { BRAND_PROVIDER_ID } from "@/lib/x/x-providers";
import { withXAccount, XTokenError } from "@/lib/x/account-tokens";
import { describeXFailure } from "@/lib/x/describe-x-failure";

// A post's address on X (x.com or twitter.com, any handle, with or without a trailing path).
const POST_URL =
  /^https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com\/\w+\/status(?:es)?\/(\d{1,20})(?:[/?#].*)?$/i;

/** The post id in what the merchant pasted (an id or a post's URL); null when there is none. */
export function postIdFrom(input: string): string | null {
  const value = input.trim();
  if (/^\d{1,20}$/.test(value)) return value;
  return POST_URL.exec(value)?.[1] ?? null;
}

export type AttachPostResult =
  | { ok: true; tweetId: string; audit: AuditReceipt }
  | Refusal<
      "bad_input" | "no_product" | "no_brand" | "not_found" | "not_brand" | "taken" | "x_failed"
    >;

type FoundPost = { text: string; authorId: string | undefined; createdAt: string | undefined };

/**
 * Attaches a post the merchant made in the X app to a product, so replies to it add that
 * product: read at X first (`GET /2/tweets/:id`, the brand's token), and only the brand's own
 * post is taken. Recorded as a ProductTweet with its audit event.
 */
export async function attachPost(
  db: PrismaClient,
  actor: AuditActor,
  input: { productId: string; post: string },
): Promise<AttachPostResult> {
  const tweetId = postIdFrom(input.post);
  if (!tweetId)
    return refuse("bad_input", "Paste the post's link (x.com/…/status/…) or its number.");
  const product = await db.product.findUnique({
    where: { id: input.productId },
    select: { id: true },
  });
  if (!product) return refuse("no_product", "No such product.");
  const taken = await db.productTweet.findUnique({
    where: { tweetId },
    select: { productId: true },
  });
  if (taken) return refuse("taken", `That post is already attached to ${taken.productId}.`);
  const brand = await db.account.findFirst({
    where: { provider: BRAND_PROVIDER_ID, tokenError: null },
    select: { id: true, providerAccountId: true, username: true },
  });
  if (!brand) return refuse("no_brand", "Connect the brand account on /admin/x first.");

  let found: FoundPost | null;
  try {
    found = await withXAccount(
      brand.id,
      async (client) => {
        const answer = await client.v2.singleTweet(tweetId, {
          "tweet.fields": ["author_id", "created_at"],
        });
        return answer.data
          ? {
              text: answer.data.text,
              authorId: answer.data.author_id,
              createdAt: answer.data.created_at,
            }
          : null;
      },
      { db },
    );
  } catch (failure) {
    if (failure instanceof ApiResponseError && (failure.code === 404 || failure.code === 400))
      found = null;
    else if (failure instanceof XTokenError)
      return refuse("x_failed", "X did not accept the brand account's token: reconnect it.");
    else
      return refuse(
        "x_failed",
        `X could not be asked about the post: ${describeXFailure(failure)}.`,
      );
  }
  if (!found) return refuse("not_found", `X has no post ${tweetId} (or it is not public).`);
  if (found.authorId !== brand.providerAccountId)
    return refuse(
      "not_brand",
      `That post is not by the brand account${brand.username ? ` @${brand.username}` : ""}: only the brand's own posts can take orders.`,
    );

  const audit = await db.$transaction(async (tx) => {
    await tx.productTweet.create({
      data: {
        tweetId,
        productId: product.id,
        text: found.text,
        ...(found.createdAt ? { postedAt: new Date(found.createdAt) } : {}),
      },
    });
    return recordAudit(tx, {
      actor,
      action: "post.attach",
      subject: { type: "ProductTweet", id: tweetId },
      after: { productId: product.id, text: found.text },
    });
  });
  return { ok: true, tweetId, audit };
}
