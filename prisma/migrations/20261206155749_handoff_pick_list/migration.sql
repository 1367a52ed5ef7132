-- AlterTable
ALTER TABLE "WarehouseHandoff" ADD COLUMN "shipDate" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Warehouse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address1" TEXT,
    "city" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "zip" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT 'US',
    "timeZone" TEXT NOT NULL,
    "cutoffLocalTime" TEXT NOT NULL DEFAULT '14:00',
    "handlingDays" INTEGER NOT NULL DEFAULT 1,
    "offersExpressParcel" BOOLEAN NOT NULL DEFAULT true,
    "offersPostal" BOOLEAN NOT NULL DEFAULT true,
    "offersFreight" BOOLEAN NOT NULL DEFAULT false,
    "shopifyLocationId" TEXT,
    "inventorySnapshot" JSONB,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "freightLevels" JSONB,
    "handoffEnabled" BOOLEAN NOT NULL DEFAULT false,
    "handoffUrl" TEXT,
    "handoffSecret" TEXT,
    "fulfillmentServiceId" TEXT,
    "handoffMethod" TEXT NOT NULL DEFAULT 'WEBHOOK'
);
INSERT INTO "new_Warehouse" ("active", "address1", "city", "country", "createdAt", "cutoffLocalTime", "freightLevels", "fulfillmentServiceId", "handlingDays", "handoffEnabled", "handoffSecret", "handoffUrl", "id", "inventorySnapshot", "key", "name", "offersExpressParcel", "offersFreight", "offersPostal", "province", "shop", "shopifyLocationId", "sortOrder", "timeZone", "updatedAt", "zip") SELECT "active", "address1", "city", "country", "createdAt", "cutoffLocalTime", "freightLevels", "fulfillmentServiceId", "handlingDays", "handoffEnabled", "handoffSecret", "handoffUrl", "id", "inventorySnapshot", "key", "name", "offersExpressParcel", "offersFreight", "offersPostal", "province", "shop", "shopifyLocationId", "sortOrder", "timeZone", "updatedAt", "zip" FROM "Warehouse";
DROP TABLE "Warehouse";
ALTER TABLE "new_Warehouse" RENAME TO "Warehouse";
CREATE INDEX "Warehouse_shop_idx" ON "Warehouse"("shop");
CREATE UNIQUE INDEX "Warehouse_shop_key_key" ON "Warehouse"("shop", "key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "WarehouseHandoff_shop_warehouseKey_shipDate_idx" ON "WarehouseHandoff"("shop", "warehouseKey", "shipDate");

