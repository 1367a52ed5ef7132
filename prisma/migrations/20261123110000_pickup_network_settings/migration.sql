-- CreateTable
CREATE TABLE "PickupNetworkSetting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "maxWeightLb" REAL NOT NULL,
    "maxLongestIn" REAL NOT NULL,
    "maxDimensionsIn" JSONB,
    "maxValueCents" INTEGER,
    "holdDays" INTEGER NOT NULL,
    "maxDistanceMiles" REAL NOT NULL,
    "excludeFragile" BOOLEAN NOT NULL DEFAULT true,
    "excludeValuable" BOOLEAN NOT NULL DEFAULT true,
    "excludeColdChain" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PickupPoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address1" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "zip" TEXT NOT NULL,
    "latitude" REAL NOT NULL,
    "longitude" REAL NOT NULL,
    "hours" JSONB NOT NULL,
    "isSample" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL DEFAULT 'CSV',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_PickupPoint" ("active", "address1", "city", "externalId", "hours", "id", "latitude", "longitude", "name", "network", "province", "shop", "updatedAt", "zip") SELECT "active", "address1", "city", "externalId", "hours", "id", "latitude", "longitude", "name", "network", "province", "shop", "updatedAt", "zip" FROM "PickupPoint";
DROP TABLE "PickupPoint";
ALTER TABLE "new_PickupPoint" RENAME TO "PickupPoint";
CREATE INDEX "PickupPoint_shop_zip_idx" ON "PickupPoint"("shop", "zip");
CREATE UNIQUE INDEX "PickupPoint_shop_network_externalId_key" ON "PickupPoint"("shop", "network", "externalId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "PickupNetworkSetting_shop_network_key" ON "PickupNetworkSetting"("shop", "network");

