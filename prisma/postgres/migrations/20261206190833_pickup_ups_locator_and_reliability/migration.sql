-- CreateTable
CREATE TABLE "UpsLocatorAccount" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "clientIdSealed" TEXT NOT NULL,
    "clientSecretSealed" TEXT NOT NULL,
    "environment" TEXT NOT NULL DEFAULT 'PRODUCTION',
    "metroZips" TEXT NOT NULL DEFAULT '',
    "radiusMiles" INTEGER NOT NULL DEFAULT 15,
    "maxAreas" INTEGER NOT NULL DEFAULT 10,
    "weeklyRefresh" BOOLEAN NOT NULL DEFAULT true,
    "lastRefreshAt" TIMESTAMP(3),
    "lastRefreshSummary" TEXT,
    "lastRefreshError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UpsLocatorAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PickupReliabilitySetting" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "minParcels" INTEGER NOT NULL,
    "minPickupRatePercent" DOUBLE PRECISION NOT NULL,
    "penaltyMiles" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PickupReliabilitySetting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UpsLocatorAccount_shop_key" ON "UpsLocatorAccount"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "PickupReliabilitySetting_shop_key" ON "PickupReliabilitySetting"("shop");

