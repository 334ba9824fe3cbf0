import { z } from "zod";

// Seeded ids are kebab-case ("us-organic-tee") and ids Prisma makes are cuids (lowercase letters
// and digits), so anything else (a NUL byte, 10,000 characters) is no product and never becomes
// a query.
export const productIdSchema = z
  .string()
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/);

/** The product's page on the shop; replies resolve links to it (lib/replies/parse/product-id-from-url). */
export const productPath = (productId: string) => `/p/${encodeURIComponent(productId)}`;
