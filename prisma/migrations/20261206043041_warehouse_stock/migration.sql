-- CreateTable
CREATE TABLE "WarehouseStock" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "inventoryItemId" TEXT NOT NULL,
    "variantId" TEXT,
    "tracked" BOOLEAN NOT NULL DEFAULT true,
    "available" INTEGER NOT NULL,
    "levelUpdatedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StockSync" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'RUNNING',
    "bulkOperationId" TEXT,
    "levels" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Shop" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" DATETIME,
    "routingStrategy" TEXT NOT NULL DEFAULT 'BALANCED',
    "costTargetBasisPoints" INTEGER,
    "strategyTuning" JSONB NOT NULL,
    "markupBasisPoints" INTEGER NOT NULL DEFAULT 0,
    "markupFixedCents" INTEGER NOT NULL DEFAULT 0,
    "defaultBox" JSONB NOT NULL,
    "fallbackRates" JSONB NOT NULL,
    "onCallbackFailure" TEXT NOT NULL DEFAULT 'RETURN_FALLBACK_RATES',
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "callbackToken" TEXT NOT NULL,
    "carrierServiceGid" TEXT,
    "carrierServiceError" TEXT,
    "configVersion" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    "weightUnit" TEXT NOT NULL DEFAULT 'LB',
    "dimensionUnit" TEXT NOT NULL DEFAULT 'IN',
    "stockVersion" INTEGER NOT NULL DEFAULT 0,
    "backorderDays" INTEGER NOT NULL DEFAULT 7
);
INSERT INTO "new_Shop" ("callbackToken", "carrierServiceError", "carrierServiceGid", "configVersion", "costTargetBasisPoints", "currency", "defaultBox", "dimensionUnit", "fallbackRates", "id", "installedAt", "markupBasisPoints", "markupFixedCents", "onCallbackFailure", "routingStrategy", "shop", "strategyTuning", "uninstalledAt", "updatedAt", "weightUnit") SELECT "callbackToken", "carrierServiceError", "carrierServiceGid", "configVersion", "costTargetBasisPoints", "currency", "defaultBox", "dimensionUnit", "fallbackRates", "id", "installedAt", "markupBasisPoints", "markupFixedCents", "onCallbackFailure", "routingStrategy", "shop", "strategyTuning", "uninstalledAt", "updatedAt", "weightUnit" FROM "Shop";
DROP TABLE "Shop";
ALTER TABLE "new_Shop" RENAME TO "Shop";
CREATE UNIQUE INDEX "Shop_shop_key" ON "Shop"("shop");
CREATE UNIQUE INDEX "Shop_callbackToken_key" ON "Shop"("callbackToken");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "WarehouseStock_shop_variantId_idx" ON "WarehouseStock"("shop", "variantId");

-- CreateIndex
CREATE UNIQUE INDEX "WarehouseStock_shop_locationId_inventoryItemId_key" ON "WarehouseStock"("shop", "locationId", "inventoryItemId");

-- CreateIndex
CREATE INDEX "StockSync_shop_startedAt_idx" ON "StockSync"("shop", "startedAt");

