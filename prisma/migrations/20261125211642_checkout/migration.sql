-- DropIndex
DROP INDEX "Order_idempotencyKey_key";

-- AlterTable
ALTER TABLE "CartItem" ADD COLUMN     "addedPriceMinor" INTEGER;

-- AlterTable
ALTER TABLE "CartItemSource" ADD COLUMN     "orderItemId" TEXT,
ALTER COLUMN "cartItemId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "DevEmail" ADD COLUMN     "linkLabel" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "emailClaimedAt" TIMESTAMPTZ(3),
ADD COLUMN     "emailSentAt" TIMESTAMPTZ(3),
ADD COLUMN     "shippingAddress" JSONB NOT NULL;

-- CreateTable
CREATE TABLE "ShippingAddress" (
    "userId" TEXT NOT NULL,
    "marketplaceId" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "line1" TEXT NOT NULL,
    "line2" TEXT NOT NULL DEFAULT '',
    "city" TEXT NOT NULL,
    "region" TEXT NOT NULL DEFAULT '',
    "postalCode" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShippingAddress_pkey" PRIMARY KEY ("userId","marketplaceId")
);

-- CreateIndex
CREATE INDEX "CartItemSource_orderItemId_idx" ON "CartItemSource"("orderItemId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_userId_idempotencyKey_key" ON "Order"("userId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "CartItemSource" ADD CONSTRAINT "CartItemSource_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShippingAddress" ADD CONSTRAINT "ShippingAddress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShippingAddress" ADD CONSTRAINT "ShippingAddress_marketplaceId_fkey" FOREIGN KEY ("marketplaceId") REFERENCES "Marketplace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

