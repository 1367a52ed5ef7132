-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RoutingDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "serviceCode" TEXT,
    "mode" TEXT,
    "carrier" TEXT,
    "service" TEXT,
    "costCents" INTEGER,
    "promisedMinDate" DATETIME,
    "promisedMaxDate" DATETIME,
    "plan" JSONB NOT NULL,
    "reasons" JSONB NOT NULL,
    "actions" JSONB NOT NULL,
    "pickupPoint" JSONB,
    "input" JSONB,
    "leaseUntil" DATETIME,
    "applyRuns" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "supersedesId" TEXT,
    "supersededAt" DATETIME,
    "supersededReason" TEXT,
    "orderFingerprint" TEXT,
    "orderUpdatedAt" DATETIME,
    "changes" JSONB
);
INSERT INTO "new_RoutingDecision" ("actions", "applyRuns", "carrier", "costCents", "createdAt", "error", "id", "input", "leaseUntil", "mode", "orderId", "orderName", "pickupPoint", "plan", "promisedMaxDate", "promisedMinDate", "reasons", "service", "serviceCode", "shop", "status", "updatedAt") SELECT "actions", "applyRuns", "carrier", "costCents", "createdAt", "error", "id", "input", "leaseUntil", "mode", "orderId", "orderName", "pickupPoint", "plan", "promisedMaxDate", "promisedMinDate", "reasons", "service", "serviceCode", "shop", "status", "updatedAt" FROM "RoutingDecision";
DROP TABLE "RoutingDecision";
ALTER TABLE "new_RoutingDecision" RENAME TO "RoutingDecision";
CREATE INDEX "RoutingDecision_shop_status_idx" ON "RoutingDecision"("shop", "status");
CREATE UNIQUE INDEX "RoutingDecision_shop_orderId_revision_key" ON "RoutingDecision"("shop", "orderId", "revision");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
