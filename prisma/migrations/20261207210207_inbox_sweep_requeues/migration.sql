-- AlterTable
ALTER TABLE "TweetEvent" ADD COLUMN     "sweepRequeues" INTEGER NOT NULL DEFAULT 0;

