-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "backorderDays" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "stockVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "WarehouseStock" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "inventoryItemId" TEXT NOT NULL,
    "variantId" TEXT,
    "tracked" BOOLEAN NOT NULL DEFAULT true,
    "available" INTEGER NOT NULL,
    "levelUpdatedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WarehouseStock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockSync" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'RUNNING',
    "bulkOperationId" TEXT,
    "levels" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "StockSync_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WarehouseStock_shop_variantId_idx" ON "WarehouseStock"("shop", "variantId");

-- CreateIndex
CREATE UNIQUE INDEX "WarehouseStock_shop_locationId_inventoryItemId_key" ON "WarehouseStock"("shop", "locationId", "inventoryItemId");

-- CreateIndex
CREATE INDEX "StockSync_shop_startedAt_idx" ON "StockSync"("shop", "startedAt");

