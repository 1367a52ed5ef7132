-- AlterTable
ALTER TABLE "CarrierService" ADD COLUMN "catalogueId" TEXT;

-- CreateTable
CREATE TABLE "CartonWarehouse" (
    "cartonId" TEXT NOT NULL,
    "warehouseId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,

    PRIMARY KEY ("cartonId", "warehouseId"),
    CONSTRAINT "CartonWarehouse_cartonId_fkey" FOREIGN KEY ("cartonId") REFERENCES "Carton" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CartonWarehouse_warehouseId_fkey" FOREIGN KEY ("warehouseId") REFERENCES "Warehouse" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CartonWarehouse_shop_warehouseId_idx" ON "CartonWarehouse"("shop", "warehouseId");

-- CreateIndex
CREATE INDEX "CartonWarehouse_warehouseId_idx" ON "CartonWarehouse"("warehouseId");

