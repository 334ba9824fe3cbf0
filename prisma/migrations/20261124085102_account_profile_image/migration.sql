-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "profileImageUrl" TEXT;

