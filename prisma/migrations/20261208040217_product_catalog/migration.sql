-- DropIndex
DROP INDEX "Product_marketplaceId_idx";

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "archivedAt" TIMESTAMPTZ(3),
ADD COLUMN     "lowStockThreshold" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "sku" TEXT;

-- CreateIndex
CREATE INDEX "Product_marketplaceId_createdAt_idx" ON "Product"("marketplaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Product_marketplaceId_sku_key" ON "Product"("marketplaceId", "sku");

