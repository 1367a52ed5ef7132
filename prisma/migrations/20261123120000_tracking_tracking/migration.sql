-- CreateTable
CREATE TABLE "TrackingSource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "TrackingPush" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "shipmentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "payload" JSONB NOT NULL,
    "shopifyId" TEXT,
    "error" TEXT,
    "leaseUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" DATETIME
);

-- CreateTable
CREATE TABLE "DeliveryLane" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "warehouseId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "destZip3" TEXT NOT NULL,
    "samples" INTEGER NOT NULL DEFAULT 0,
    "onTime" INTEGER NOT NULL DEFAULT 0,
    "histogram" JSONB NOT NULL,
    "p50Days" REAL NOT NULL DEFAULT 0,
    "p90Days" REAL NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Shipment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT,
    "orderName" TEXT,
    "decisionId" TEXT,
    "fulfillmentId" TEXT,
    "carrier" TEXT NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'SHOPIFY',
    "status" TEXT NOT NULL DEFAULT 'LABEL_CREATED',
    "statusAt" DATETIME,
    "progressStatus" TEXT NOT NULL DEFAULT 'LABEL_CREATED',
    "estimatedDeliveryAt" DATETIME,
    "lastEventAt" DATETIME,
    "lastEventDescription" TEXT,
    "warehouseId" TEXT,
    "serviceId" TEXT,
    "destZip3" TEXT,
    "destTimeZone" TEXT,
    "plannedShipDate" TEXT,
    "promisedMinDate" DATETIME,
    "promisedMaxDate" DATETIME,
    "outboundCostCents" INTEGER,
    "deliveredAt" DATETIME,
    "laneRecordedAt" DATETIME,
    "pickupPointId" TEXT,
    "holdNetwork" TEXT,
    "holdStartedAt" DATETIME,
    "holdExpiresAt" DATETIME,
    "holdReminderAt" DATETIME,
    "holdRemindedAt" DATETIME,
    "returningToOrigin" BOOLEAN NOT NULL DEFAULT false,
    "reverseCostCents" INTEGER,
    "attention" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Shipment_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "RoutingDecision" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Shipment" ("carrier", "createdAt", "decisionId", "estimatedDeliveryAt", "fulfillmentId", "holdExpiresAt", "id", "orderId", "pickupPointId", "shop", "status", "statusAt", "trackingNumber", "updatedAt") SELECT "carrier", "createdAt", "decisionId", "estimatedDeliveryAt", "fulfillmentId", "holdExpiresAt", "id", "orderId", "pickupPointId", "shop", "status", "statusAt", "trackingNumber", "updatedAt" FROM "Shipment";
DROP TABLE "Shipment";
ALTER TABLE "new_Shipment" RENAME TO "Shipment";
CREATE INDEX "Shipment_shop_orderId_idx" ON "Shipment"("shop", "orderId");
CREATE INDEX "Shipment_shop_trackingNumber_idx" ON "Shipment"("shop", "trackingNumber");
CREATE INDEX "Shipment_shop_status_idx" ON "Shipment"("shop", "status");
CREATE UNIQUE INDEX "Shipment_shop_carrier_trackingNumber_key" ON "Shipment"("shop", "carrier", "trackingNumber");
CREATE TABLE "new_TrackingEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "shipmentId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "rawCode" TEXT NOT NULL,
    "provider" TEXT NOT NULL DEFAULT 'GENERIC',
    "description" TEXT,
    "location" TEXT,
    "occurredAt" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dedupeKey" TEXT NOT NULL,
    "appliedAs" TEXT,
    CONSTRAINT "TrackingEvent_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TrackingEvent" ("dedupeKey", "description", "id", "location", "occurredAt", "rawCode", "receivedAt", "shipmentId", "shop", "status") SELECT "dedupeKey", "description", "id", "location", "occurredAt", "rawCode", "receivedAt", "shipmentId", "shop", "status" FROM "TrackingEvent";
DROP TABLE "TrackingEvent";
ALTER TABLE "new_TrackingEvent" RENAME TO "TrackingEvent";
CREATE INDEX "TrackingEvent_shop_idx" ON "TrackingEvent"("shop");
CREATE UNIQUE INDEX "TrackingEvent_shipmentId_dedupeKey_key" ON "TrackingEvent"("shipmentId", "dedupeKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "TrackingSource_shop_provider_key" ON "TrackingSource"("shop", "provider");

-- CreateIndex
CREATE INDEX "TrackingPush_shop_status_idx" ON "TrackingPush"("shop", "status");

-- CreateIndex
CREATE INDEX "TrackingPush_shipmentId_idx" ON "TrackingPush"("shipmentId");

-- CreateIndex
CREATE UNIQUE INDEX "TrackingPush_shop_key_key" ON "TrackingPush"("shop", "key");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryLane_shop_warehouseId_serviceId_destZip3_key" ON "DeliveryLane"("shop", "warehouseId", "serviceId", "destZip3");

