-- CreateEnum
CREATE TYPE "PendingAddStatus" AS ENUM ('PENDING', 'CLAIMED', 'EXPIRED', 'WITHDRAWN');

-- AlterEnum
BEGIN;
CREATE TYPE "OutboundStatus_new" AS ENUM ('PENDING', 'SENT', 'REFUSED', 'EXPIRED', 'CANCELLED', 'FAILED');
ALTER TABLE "public"."OutboundReply" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "OutboundReply" ALTER COLUMN "status" TYPE "OutboundStatus_new" USING ("status"::text::"OutboundStatus_new");
ALTER TYPE "OutboundStatus" RENAME TO "OutboundStatus_old";
ALTER TYPE "OutboundStatus_new" RENAME TO "OutboundStatus";
DROP TYPE "public"."OutboundStatus_old";
ALTER TABLE "OutboundReply" ALTER COLUMN "status" SET DEFAULT 'PENDING';
COMMIT;

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ReplyOutcome" ADD VALUE 'UNKNOWN_SIZE';
ALTER TYPE "ReplyOutcome" ADD VALUE 'IGNORED';

-- AlterEnum
BEGIN;
CREATE TYPE "TweetEventStatus_new" AS ENUM ('RECEIVED', 'DONE', 'FAILED');
ALTER TABLE "public"."TweetEvent" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "TweetEvent" ALTER COLUMN "status" TYPE "TweetEventStatus_new" USING ("status"::text::"TweetEventStatus_new");
ALTER TYPE "TweetEventStatus" RENAME TO "TweetEventStatus_old";
ALTER TYPE "TweetEventStatus_new" RENAME TO "TweetEventStatus";
DROP TYPE "public"."TweetEventStatus_old";
ALTER TABLE "TweetEvent" ALTER COLUMN "status" SET DEFAULT 'RECEIVED';
COMMIT;

-- DropIndex
DROP INDEX "OutboundReply_status_nextAttemptAt_idx";

-- AlterTable
ALTER TABLE "OutboundReply" DROP COLUMN "nextAttemptAt",
ADD COLUMN     "attemptStartedAt" TIMESTAMPTZ(3),
ADD COLUMN     "expiresAt" TIMESTAMPTZ(3) NOT NULL,
ADD COLUMN     "postedAt" TIMESTAMPTZ(3),
ADD COLUMN     "urgent" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "createdAt" SET DATA TYPE TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "PendingAdd" DROP COLUMN "claimedAt",
ADD COLUMN     "claimedById" TEXT,
ADD COLUMN     "settledAt" TIMESTAMPTZ(3),
ADD COLUMN     "status" "PendingAddStatus" NOT NULL DEFAULT 'PENDING',
ALTER COLUMN "expiresAt" SET DATA TYPE TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "TweetEvent" DROP COLUMN "attempts",
ADD COLUMN     "productId" TEXT,
ADD COLUMN     "quantity" INTEGER,
ADD COLUMN     "size" TEXT,
ADD COLUMN     "userId" TEXT,
ALTER COLUMN "processedAt" SET DATA TYPE TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ParentPost" (
    "tweetId" TEXT NOT NULL,
    "productId" TEXT,
    "fetchedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParentPost_pkey" PRIMARY KEY ("tweetId")
);

-- CreateIndex
CREATE INDEX "OutboundReply_status_createdAt_idx" ON "OutboundReply"("status", "createdAt");

-- CreateIndex
CREATE INDEX "TweetEvent_userId_receivedAt_idx" ON "TweetEvent"("userId", "receivedAt");

-- AddForeignKey
ALTER TABLE "TweetEvent" ADD CONSTRAINT "TweetEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TweetEvent" ADD CONSTRAINT "TweetEvent_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundReply" ADD CONSTRAINT "OutboundReply_inReplyToTweetId_fkey" FOREIGN KEY ("inReplyToTweetId") REFERENCES "TweetEvent"("tweetId") ON DELETE CASCADE ON UPDATE CASCADE;


-- AlterTable
ALTER TABLE "Marketplace" ADD COLUMN     "cartWord" TEXT NOT NULL DEFAULT 'cart';

-- The UK store says "basket".
UPDATE "Marketplace" SET "cartWord" = 'basket' WHERE "code" = 'UK';
