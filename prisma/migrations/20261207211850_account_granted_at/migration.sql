-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "grantedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;


-- Existing links were granted when they were made (createdAt holds UTC without a zone)
UPDATE "Account" SET "grantedAt" = "createdAt" AT TIME ZONE 'UTC';
