-- AlterTable
ALTER TABLE "Warehouse" ADD COLUMN "freightLevels" JSONB;

-- AlterTable
ALTER TABLE "CarrierService" ADD COLUMN "markupBasisPoints" INTEGER;
ALTER TABLE "CarrierService" ADD COLUMN "markupFixedCents" INTEGER;

