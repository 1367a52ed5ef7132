-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "pallets" JSONB;

-- AlterTable
ALTER TABLE "RateCard" ADD COLUMN     "cubicTiers" JSONB,
ADD COLUMN     "ltlClassRates" JSONB,
ADD COLUMN     "ounceBreaks" JSONB;

-- AlterTable
ALTER TABLE "ProductProfile" ADD COLUMN     "nmfcClass" DOUBLE PRECISION,
ADD COLUMN     "ownSkid" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "stackable" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "ZoneChart" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "serviceCode" TEXT NOT NULL,
    "warehouseKey" TEXT NOT NULL,
    "originZip3" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "ranges" JSONB NOT NULL,
    "fileName" TEXT,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ZoneChart_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ZoneChart_shop_idx" ON "ZoneChart"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "ZoneChart_shop_serviceCode_warehouseKey_key" ON "ZoneChart"("shop", "serviceCode", "warehouseKey");

