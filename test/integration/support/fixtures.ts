import { randomBytes, randomUUID } from "node:crypto";
import { confirmCheckout } from "@/lib/checkout/confirm-checkout";
import { getCheckoutReview } from "@/lib/checkout/get-checkout-review";
import type { Prisma, PrismaClient, Role, User } from "@/lib/generated/prisma/client";
import { seedDatabase } from "@/lib/seed/seed-database";
import { AuthBrowser } from "./auth-browser";

// The rows the integration tests build their cases from, made through Prisma as the app would
// have made them. Ids come from counters of this file's process (vitest gives every test file
// its own process and database), so no two rows of one test file collide.

/** The shop's URL in every integration test (lib/env's APP_URL, next-auth's origin). */
export const APP_URL = "http://localhost:3000";

/** The demo catalog (both stores' products) and its admin, as `npm start` seeds them. */
export const seedShop = (db: PrismaClient) =>
  seedDatabase(db, { appUrl: APP_URL, adminEmail: "admin@replycart.local" });

let nextTweet = 1_950_000_000_000_000_000n;
let nextProduct = 1;

/** A Post id never used before in this test file. */
export const nextTweetId = () => String(nextTweet++);

/** A signed-in shop user: a User row, a live next-auth database session, and its browser. */
export async function signedInUser(db: PrismaClient, role: Role = "SHOPPER") {
  const sessionToken = randomBytes(24).toString("hex");
  const user = await db.user.create({
    data: {
      email: `${randomBytes(6).toString("hex")}@example.test`,
      role,
      sessions: { create: { sessionToken, expires: new Date(Date.now() + 3_600_000) } },
    },
  });
  return { user, sessionToken, browser: new AuthBrowser(APP_URL, sessionToken) };
}

/** Seeds the shop and signs in a console user of `role`; returns them as the actor of audited changes. */
export async function seedShopWithActor(db: PrismaClient, role: Role) {
  await seedShop(db);
  const { user } = await signedInUser(db, role);
  return { id: user.id, email: user.email };
}

/**
 * A US product of the test's own, so changing its price or stock disturbs no other test: 50 in
 * stock and no sizes, unless `stock` gives its stock or each size's (`[["S", 3], ["M", 0]]`).
 */
export function createProduct(
  db: PrismaClient,
  { stock = 50, ...data }: Partial<Prisma.ProductUncheckedCreateInput> & { stock?: StockSpec } = {},
) {
  const n = nextProduct++;
  const sizes = typeof stock === "number" ? [["", stock] as const] : stock;
  return db.product.create({
    data: {
      id: `test-product-${n}`,
      marketplaceId: "us",
      title: `Test product ${n}`,
      priceMinor: 2000,
      variants: {
        create: sizes.map(([name, count], position) => ({ name, position, stock: count })),
      },
      ...data,
    },
  });
}

/** A product's stock: of its one variant, or of each size in order. */
type StockSpec = number | (readonly [size: string, stock: number])[];

/**
 * Sets a variant's stock as a test's starting point, outside the history (the app changes stock
 * only through adjustStock). `size` "" for a product without sizes.
 */
export const setStock = (db: PrismaClient, productId: string, stock: number, size = "") =>
  db.productVariant.update({
    where: { productId_name: { productId, name: size } },
    data: { stock },
  });

/** A variant's stock now. */
export const stockOf = async (db: PrismaClient, productId: string, size = "") =>
  (
    await db.productVariant.findUniqueOrThrow({
      where: { productId_name: { productId, name: size } },
      select: { stock: true },
    })
  ).stock;

/** An inbox row (TweetEvent) of a reply from X: received now, unprocessed unless `data` says. */
export function createReplyRow(
  db: PrismaClient,
  data: Partial<Prisma.TweetEventUncheckedCreateInput> = {},
) {
  const tweetId = data.tweetId ?? nextTweetId();
  return db.tweetEvent.create({
    data: { tweetId, latestTweetId: tweetId, source: "XAA", authorXId: "1", ...data },
  });
}

/** The inbox row of `user`'s reply that the pipeline processed into their cart. */
export const createAddedReplyRow = (
  db: PrismaClient,
  user: User,
  add: { productId: string; quantity: number },
  data: Partial<Prisma.TweetEventUncheckedCreateInput> = {},
) =>
  createReplyRow(db, {
    authorXId: `x-${user.id}`,
    status: "DONE",
    outcome: "ADDED",
    productId: add.productId,
    quantity: add.quantity,
    userId: user.id,
    ...data,
  });

/**
 * A cart line of `user`'s at the product's price of today; with `byReply`, added by a reply
 * (its inbox row and its source on the line), else on the website.
 */
export async function createCartLine(
  db: PrismaClient,
  user: User,
  add: { productId: string; quantity: number; variant?: string; byReply?: boolean },
) {
  const { productId, quantity, variant = "", byReply = false } = add;
  const product = await db.product.findUniqueOrThrow({ where: { id: productId } });
  const line = await db.cartItem.create({
    data: { userId: user.id, productId, variant, quantity, addedPriceMinor: product.priceMinor },
  });
  if (!byReply) return { line, tweetId: null };
  const { tweetId } = await createAddedReplyRow(db, user, { productId, quantity });
  await db.cartItemSource.create({ data: { tweetId, cartItemId: line.id, quantity } });
  return { line, tweetId };
}

/** The checkout page's hidden fields for the shopper's cart as it is now, with a fresh key. */
export async function reviewedCart(db: PrismaClient, userId: string, marketplace = "US") {
  const review = await getCheckoutReview(userId, marketplace, db);
  return {
    marketplace,
    idempotencyKey: randomUUID(),
    reviewed: JSON.stringify(
      review!.lines.map(({ lineId, productId, quantity, unitPriceMinor }) => ({
        lineId,
        productId,
        quantity,
        unitPriceMinor,
      })),
    ),
  };
}

/** Checks out everything in the shopper's cart of a marketplace, as its checkout page would. */
export async function checkOutAll(db: PrismaClient, user: Pick<User, "id">, marketplace = "US") {
  const address =
    marketplace === "US"
      ? {
          fullName: "Ada Lovelace",
          line1: "1 Market St",
          city: "San Francisco",
          region: "CA",
          postalCode: "94107",
        }
      : {
          fullName: "Ada Lovelace",
          line1: "10 Downing St",
          city: "London",
          postalCode: "SW1A 2AA",
        };
  const input = { ...(await reviewedCart(db, user.id, marketplace)), ...address };
  const result = await confirmCheckout({ userId: user.id, input }, db);
  if (!result.ok) throw new Error(`checkout refused: ${result.message}`);
  return result.orderId;
}
