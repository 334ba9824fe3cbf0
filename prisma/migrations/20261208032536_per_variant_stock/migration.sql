-- Stock moves from the product (one number shared by all its sizes) to each size, and every
-- change of it from now on is recorded in StockAdjustment.
--
-- The split rule. The old number was a promise about the product as a whole, not about any one
-- size, so there is no right split. This one keeps the total: a product without sizes gets one
-- variant, named "", holding its whole stock, and a product with sizes gets one variant per size (in
-- the order listed, repeats and empty names left out) and the old stock split evenly over them,
-- the remainder going one each to the first sizes: 50 over S, M, L, XL is 13, 13, 12, 12. The
-- merchant then corrects each size to what is on the shelf. Each variant's opening stock is
-- recorded as a CORRECTION from 0 (no actor), so a variant's history adds up to its stock.

-- CreateEnum
CREATE TYPE "StockReason" AS ENUM ('RECEIVED', 'CORRECTION', 'DAMAGED', 'RETURNED', 'ORDER', 'CANCELLATION');

-- CreateTable
CREATE TABLE "ProductVariant" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "stock" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProductVariant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockAdjustment" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "variantId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,
    "before" INTEGER NOT NULL,
    "after" INTEGER NOT NULL,
    "reason" "StockReason" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "actorId" TEXT,
    "actorEmail" TEXT,
    "orderId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StockAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProductVariant_productId_name_key" ON "ProductVariant"("productId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "StockAdjustment_seq_key" ON "StockAdjustment"("seq");

-- CreateIndex
CREATE INDEX "StockAdjustment_variantId_seq_idx" ON "StockAdjustment"("variantId", "seq");

-- CreateIndex
CREATE INDEX "StockAdjustment_productId_seq_idx" ON "StockAdjustment"("productId", "seq");

-- CreateIndex
CREATE INDEX "StockAdjustment_orderId_idx" ON "StockAdjustment"("orderId");

-- AddForeignKey
ALTER TABLE "ProductVariant" ADD CONSTRAINT "ProductVariant_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockAdjustment" ADD CONSTRAINT "StockAdjustment_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "ProductVariant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockAdjustment" ADD CONSTRAINT "StockAdjustment_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockAdjustment" ADD CONSTRAINT "StockAdjustment_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockAdjustment" ADD CONSTRAINT "StockAdjustment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- MoveData: each product's sizes, first listing of each name, numbered from 0
WITH listed AS (
  SELECT p."id" AS "productId", s."name", min(s."ord") AS "ord"
  FROM "Product" p CROSS JOIN LATERAL unnest(p."variants") WITH ORDINALITY AS s("name", "ord")
  WHERE s."name" IS NOT NULL AND s."name" <> ''
  GROUP BY p."id", s."name"
), sizes AS (
  SELECT "productId", "name",
    (row_number() OVER (PARTITION BY "productId" ORDER BY "ord") - 1)::int AS "position",
    (count(*) OVER (PARTITION BY "productId"))::int AS "count"
  FROM listed
)
INSERT INTO "ProductVariant" ("id", "productId", "name", "position", "stock")
SELECT replace(gen_random_uuid()::text, '-', ''), s."productId", s."name", s."position",
  p."stock" / s."count" + CASE WHEN s."position" < p."stock" % s."count" THEN 1 ELSE 0 END
FROM sizes s JOIN "Product" p ON p."id" = s."productId"
UNION ALL
SELECT replace(gen_random_uuid()::text, '-', ''), p."id", '', 0, p."stock"
FROM "Product" p
WHERE NOT EXISTS (
  SELECT FROM unnest(p."variants") AS s("name") WHERE s."name" IS NOT NULL AND s."name" <> ''
);

-- MoveData: the opening stock of each variant that has some, as its first history row
INSERT INTO "StockAdjustment" ("id", "variantId", "productId", "delta", "before", "after", "reason", "note")
SELECT replace(gen_random_uuid()::text, '-', ''), v."id", v."productId", v."stock", 0, v."stock",
  'CORRECTION',
  CASE WHEN v."name" = '' THEN 'Opening stock: the product''s stock before stock was kept per size.'
       ELSE 'Opening stock: an even share of the ' || p."stock" || ' the product''s sizes shared before stock was kept per size.' END
FROM "ProductVariant" v JOIN "Product" p ON p."id" = v."productId"
WHERE v."stock" > 0;

-- AlterTable
ALTER TABLE "Product" DROP COLUMN "stock",
DROP COLUMN "variants";
