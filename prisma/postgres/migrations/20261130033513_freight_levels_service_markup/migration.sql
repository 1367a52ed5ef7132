-- AlterTable
ALTER TABLE "Warehouse" ADD COLUMN     "freightLevels" JSONB;

-- AlterTable
ALTER TABLE "CarrierService" ADD COLUMN     "markupBasisPoints" INTEGER,
ADD COLUMN     "markupFixedCents" INTEGER;

