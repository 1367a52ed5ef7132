-- AlterTable
ALTER TABLE "DeliveryLane" ADD COLUMN     "promisedSamples" INTEGER NOT NULL DEFAULT 0;
-- Rows written before this migration counted only promised deliveries in "samples".
UPDATE "DeliveryLane" SET "promisedSamples" = "samples";

-- CreateIndex
CREATE INDEX "Shipment_holdExpiresAt_idx" ON "Shipment"("holdExpiresAt");

-- CreateIndex
CREATE INDEX "Shipment_holdReminderAt_idx" ON "Shipment"("holdReminderAt");

