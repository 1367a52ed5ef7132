-- AlterTable
ALTER TABLE "WarehouseHandoff" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "closedReason" TEXT,
ADD COLUMN     "requestCount" INTEGER NOT NULL DEFAULT 1;

