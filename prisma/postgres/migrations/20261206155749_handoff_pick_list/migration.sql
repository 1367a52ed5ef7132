-- AlterTable
ALTER TABLE "Warehouse" ADD COLUMN     "handoffMethod" TEXT NOT NULL DEFAULT 'WEBHOOK';

-- AlterTable
ALTER TABLE "WarehouseHandoff" ADD COLUMN     "shipDate" TEXT;

-- CreateIndex
CREATE INDEX "WarehouseHandoff_shop_warehouseKey_shipDate_idx" ON "WarehouseHandoff"("shop", "warehouseKey", "shipDate");

