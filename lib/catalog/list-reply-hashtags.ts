import { db } from "@/lib/database/db";

/** Each marketplace's hashtag to reply with (its first), for instructions to shoppers. */
export async function listReplyHashtags() {
  const marketplaces = await db.marketplace.findMany({
    orderBy: { createdAt: "asc" },
    select: { code: true, name: true, hashtags: true, cartWord: true },
  });
  return marketplaces.flatMap(({ hashtags: [hashtag], ...marketplace }) =>
    hashtag ? [{ ...marketplace, hashtag }] : [],
  );
}
