-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WarehouseHandoff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "warehouseKey" TEXT NOT NULL,
    "fulfillmentOrderId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT,
    "state" TEXT NOT NULL DEFAULT 'ACCEPTED',
    "document" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "trackingCompany" TEXT,
    "trackingNumber" TEXT,
    "trackingUrl" TEXT,
    "fulfillmentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "shipDate" TEXT,
    "closedReason" TEXT,
    "closedAt" DATETIME,
    "requestCount" INTEGER NOT NULL DEFAULT 1
);
INSERT INTO "new_WarehouseHandoff" ("attempts", "createdAt", "document", "fulfillmentId", "fulfillmentOrderId", "id", "lastError", "orderId", "orderName", "sentAt", "shipDate", "shop", "state", "trackingCompany", "trackingNumber", "trackingUrl", "updatedAt", "warehouseKey") SELECT "attempts", "createdAt", "document", "fulfillmentId", "fulfillmentOrderId", "id", "lastError", "orderId", "orderName", "sentAt", "shipDate", "shop", "state", "trackingCompany", "trackingNumber", "trackingUrl", "updatedAt", "warehouseKey" FROM "WarehouseHandoff";
DROP TABLE "WarehouseHandoff";
ALTER TABLE "new_WarehouseHandoff" RENAME TO "WarehouseHandoff";
CREATE INDEX "WarehouseHandoff_shop_state_idx" ON "WarehouseHandoff"("shop", "state");
CREATE INDEX "WarehouseHandoff_shop_warehouseKey_shipDate_idx" ON "WarehouseHandoff"("shop", "warehouseKey", "shipDate");
CREATE UNIQUE INDEX "WarehouseHandoff_shop_fulfillmentOrderId_key" ON "WarehouseHandoff"("shop", "fulfillmentOrderId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

