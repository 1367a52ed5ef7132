-- CreateTable
CREATE TABLE "UpsLocatorAccount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "clientIdSealed" TEXT NOT NULL,
    "clientSecretSealed" TEXT NOT NULL,
    "environment" TEXT NOT NULL DEFAULT 'PRODUCTION',
    "metroZips" TEXT NOT NULL DEFAULT '',
    "radiusMiles" INTEGER NOT NULL DEFAULT 15,
    "maxAreas" INTEGER NOT NULL DEFAULT 10,
    "weeklyRefresh" BOOLEAN NOT NULL DEFAULT true,
    "lastRefreshAt" DATETIME,
    "lastRefreshSummary" TEXT,
    "lastRefreshError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PickupReliabilitySetting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "minParcels" INTEGER NOT NULL,
    "minPickupRatePercent" REAL NOT NULL,
    "penaltyMiles" REAL NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "UpsLocatorAccount_shop_key" ON "UpsLocatorAccount"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "PickupReliabilitySetting_shop_key" ON "PickupReliabilitySetting"("shop");

