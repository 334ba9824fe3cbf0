-- AlterEnum
ALTER TYPE "ReplyOutcome" ADD VALUE 'POST_CLOSED';

-- AlterTable
ALTER TABLE "ProductTweet" ADD COLUMN     "closedAt" TIMESTAMPTZ(3),
ADD COLUMN     "text" TEXT;

-- CreateIndex
CREATE INDEX "ProductTweet_postedAt_tweetId_idx" ON "ProductTweet"("postedAt" DESC, "tweetId" DESC);

