import { z } from "zod";

// What the console's post forms send, checked before anything reaches X.

const productId = z.string().trim().min(1, "Choose a product.").max(200, "No such product.");
const tweetId = z.string().regex(/^\d{1,20}$/, "No such post.");

export const postProductSchema = z.object({
  productId,
  text: z.string().trim().min(1, "Write the post's text.").max(4000, "The post is too long."),
});

export const postStateSchema = z.object({ tweetId });

export const attachPostSchema = z.object({
  productId,
  post: z
    .string()
    .trim()
    .min(1, "Paste the post's link or its number.")
    .max(500, "That is not a post's link."),
});

/** The path of the composer for one product: the "Post on X" link of a product page. */
export const newPostPath = (productId: string) =>
  `/admin/posts/new?product=${encodeURIComponent(productId)}`;
