-- CreateEnum
CREATE TYPE "OrderEventKind" AS ENUM ('PLACED', 'EMAIL_SENT', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'NOTE');

-- AlterEnum



ALTER TYPE "OrderStatus" ADD VALUE 'SHIPPED';
ALTER TYPE "OrderStatus" ADD VALUE 'DELIVERED';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMPTZ(3),
ADD COLUMN     "carrier" TEXT,
ADD COLUMN     "deliveredAt" TIMESTAMPTZ(3),
ADD COLUMN     "shippedAt" TIMESTAMPTZ(3),
ADD COLUMN     "trackingNumber" TEXT;

-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" "OrderEventKind" NOT NULL,
    "actorId" TEXT,
    "actorEmail" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "emailClaimedAt" TIMESTAMPTZ(3),
    "emailSentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrderEvent_orderId_createdAt_idx" ON "OrderEvent"("orderId", "createdAt");

-- CreateIndex
CREATE INDEX "Order_createdAt_id_idx" ON "Order"("createdAt", "id");

-- AddForeignKey
ALTER TABLE "OrderEvent" ADD CONSTRAINT "OrderEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: every existing order's timeline starts with its placing, and its confirmation email
-- where it went out. Ids are derived from the order's, so they are unique without a cuid here.
INSERT INTO "OrderEvent" ("id", "orderId", "kind", "createdAt")
SELECT 'placed' || md5("id"), "id", 'PLACED', "createdAt" FROM "Order";

INSERT INTO "OrderEvent" ("id", "orderId", "kind", "createdAt")
SELECT 'mailed' || md5("id"), "id", 'EMAIL_SENT', "emailSentAt" FROM "Order"
WHERE "emailSentAt" IS NOT NULL;
