-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "username" TEXT;
