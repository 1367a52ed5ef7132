-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "pallets" JSONB;

-- AlterTable
ALTER TABLE "RateCard" ADD COLUMN "cubicTiers" JSONB;
ALTER TABLE "RateCard" ADD COLUMN "ltlClassRates" JSONB;
ALTER TABLE "RateCard" ADD COLUMN "ounceBreaks" JSONB;

-- CreateTable
CREATE TABLE "ZoneChart" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "serviceCode" TEXT NOT NULL,
    "warehouseKey" TEXT NOT NULL,
    "originZip3" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "ranges" JSONB NOT NULL,
    "fileName" TEXT,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProductProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "variantId" TEXT,
    "sku" TEXT,
    "name" TEXT NOT NULL,
    "lengthIn" REAL NOT NULL,
    "widthIn" REAL NOT NULL,
    "heightIn" REAL NOT NULL,
    "weightOz" REAL,
    "fragile" BOOLEAN NOT NULL DEFAULT false,
    "valuable" BOOLEAN NOT NULL DEFAULT false,
    "coldChain" BOOLEAN NOT NULL DEFAULT false,
    "bulky" BOOLEAN NOT NULL DEFAULT false,
    "shipAlone" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "nmfcClass" REAL,
    "stackable" BOOLEAN NOT NULL DEFAULT true,
    "ownSkid" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_ProductProfile" ("bulky", "coldChain", "fragile", "heightIn", "id", "lengthIn", "name", "shipAlone", "shop", "sku", "sortOrder", "valuable", "variantId", "weightOz", "widthIn") SELECT "bulky", "coldChain", "fragile", "heightIn", "id", "lengthIn", "name", "shipAlone", "shop", "sku", "sortOrder", "valuable", "variantId", "weightOz", "widthIn" FROM "ProductProfile";
DROP TABLE "ProductProfile";
ALTER TABLE "new_ProductProfile" RENAME TO "ProductProfile";
CREATE INDEX "ProductProfile_shop_sku_idx" ON "ProductProfile"("shop", "sku");
CREATE UNIQUE INDEX "ProductProfile_shop_variantId_key" ON "ProductProfile"("shop", "variantId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ZoneChart_shop_idx" ON "ZoneChart"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "ZoneChart_shop_serviceCode_warehouseKey_key" ON "ZoneChart"("shop", "serviceCode", "warehouseKey");

