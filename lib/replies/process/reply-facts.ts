import type { Marketplace, Product, TweetEvent } from "@/lib/generated/prisma/client";
import { BRAND_PROVIDER_ID } from "@/lib/x/x-providers";
import type { Sql } from "@/lib/database/sql";
import { statement } from "@/lib/database/statement";
import type { HashtagMarket } from "@/lib/replies/parse/match-marketplaces";
import type { VariantStock } from "@/lib/catalog/variant-stock";

/**
 * What deciding a reply needs to know about a product and its marketplace: its variants in
 * order, each with its stock (one, "", for a product without sizes).
 */
export type ProductFacts = Pick<Product, "id" | "title" | "active" | "digital"> & {
  variants: VariantStock[];
  marketCode: Marketplace["code"];
  cartWord: Marketplace["cartWord"];
  hashtags: Marketplace["hashtags"];
};

export type ReplyFacts = Pick<
  TweetEvent,
  | "status"
  | "deletedAt"
  | "outcome"
  | "authorXId"
  | "source"
  | "text"
  | "raw"
  | "inReplyToId"
  | "editedAt"
  | "editHandledAt"
> & {
  brandXId: string | null;
  markets: (HashtagMarket & { shopHosts: string[] })[];
  /** The product of the brand post the reply answers, when it answers one. */
  postProduct: ProductFacts | null;
  /** The brand post it answers was closed for replies by the merchant (add nothing). */
  postClosed: boolean;
  /** Whether X already told us about the parent Post (`ParentPost`), so it is not read again. */
  parentRead: boolean;
};

// Prisma reads a NULL list column as an empty list; so do these.
const PRODUCT_FACTS = `json_build_object(
    'id', p."id", 'title', p."title", 'active', p."active", 'digital', p."digital",
    'variants', (SELECT coalesce(json_agg(json_build_object('name', v."name", 'stock', v."stock")
        ORDER BY v."position", v."name"), '[]')
      FROM "ProductVariant" v WHERE v."productId" = p."id"),
    'marketCode', m."code", 'cartWord', m."cartWord", 'hashtags', coalesce(m."hashtags", '{}'))`;
const PRODUCTS = `"Product" p JOIN "Marketplace" m ON m."id" = p."marketplaceId"`;

const READ_REPLY_FACTS = statement<ReplyFacts & Pick<TweetEvent, "tweetId">>(
  `SELECT e."tweetId", e."status", e."deletedAt", e."outcome", e."authorXId", e."source",
     e."text", e."raw", e."inReplyToId", e."editedAt", e."editHandledAt",
     (SELECT "providerAccountId" FROM "Account" WHERE "provider" = $2 LIMIT 1) AS "brandXId",
     (SELECT coalesce(json_agg(json_build_object(
        'code', "code", 'hashtags', coalesce("hashtags", '{}'),
        'shopHosts', coalesce("shopHosts", '{}'))), '[]')
      FROM "Marketplace") AS "markets",
     (SELECT ${PRODUCT_FACTS} FROM ${PRODUCTS} JOIN "ProductTweet" t ON t."productId" = p."id"
      WHERE t."tweetId" = e."inReplyToId") AS "postProduct",
     EXISTS (SELECT FROM "ProductTweet" t
       WHERE t."tweetId" = e."inReplyToId" AND t."closedAt" IS NOT NULL) AS "postClosed",
     EXISTS (SELECT FROM "ParentPost" pp WHERE pp."tweetId" = e."inReplyToId") AS "parentRead"
   FROM "TweetEvent" e WHERE e."tweetId" = ANY($1::text[])`,
);

const READ_PRODUCT_FACTS = statement<{ facts: ProductFacts }>(
  `SELECT ${PRODUCT_FACTS} AS "facts" FROM ${PRODUCTS} WHERE p."id" = $1`,
);

/**
 * The inbox rows and everything deciding them usually needs (the marketplaces, the brand, the
 * product of the post each answers), in one round trip. Rows not in the inbox are left out.
 */
export async function readReplyFacts(
  sql: Sql,
  tweetIds: string[],
): Promise<Map<string, ReplyFacts>> {
  const rows = await sql.query(READ_REPLY_FACTS, [tweetIds, BRAND_PROVIDER_ID]);
  return new Map(rows.map(({ tweetId, ...facts }) => [tweetId, facts]));
}

export async function readProductFacts(sql: Sql, productId: string): Promise<ProductFacts | null> {
  const [row] = await sql.query(READ_PRODUCT_FACTS, [productId]);
  return row?.facts ?? null;
}
