-- AlterTable
ALTER TABLE "TweetEvent" ADD COLUMN     "conversationId" TEXT,
ADD COLUMN     "postedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "TweetVersion" (
    "versionId" TEXT NOT NULL,
    "tweetId" TEXT NOT NULL,

    CONSTRAINT "TweetVersion_pkey" PRIMARY KEY ("versionId")
);

-- CreateTable
CREATE TABLE "TweetTombstone" (
    "tweetId" TEXT NOT NULL,
    "deletedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TweetTombstone_pkey" PRIMARY KEY ("tweetId")
);

-- CreateTable
CREATE TABLE "WebhookEventCount" (
    "eventType" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEventCount_pkey" PRIMARY KEY ("eventType")
);

-- CreateIndex
CREATE INDEX "TweetVersion_tweetId_idx" ON "TweetVersion"("tweetId");

