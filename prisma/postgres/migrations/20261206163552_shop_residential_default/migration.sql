-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "residentialDefault" TEXT NOT NULL DEFAULT 'GUESS_FROM_COMPANY';

