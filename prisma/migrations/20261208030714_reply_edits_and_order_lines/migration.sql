-- CreateEnum
CREATE TYPE "ReplyEditResult" AS ENUM ('CHANGED', 'UNCHANGED', 'ORDERED', 'KEPT', 'NOT_IN_CART', 'NOT_ADDED');

-- AlterTable
ALTER TABLE "OrderItem" ADD COLUMN     "cartLineId" TEXT;

-- AlterTable
ALTER TABLE "TweetEvent" ADD COLUMN     "editHandledAt" TIMESTAMPTZ(3),
ADD COLUMN     "editResult" "ReplyEditResult",
ADD COLUMN     "editedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "OrderItem_cartLineId_idx" ON "OrderItem"("cartLineId");

