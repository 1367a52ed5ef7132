-- DeliveryLane: deliveries with a promised window get their own count (the on-time denominator); `samples`
-- counts every delivery. Rows written before this migration had both equal.
ALTER TABLE "DeliveryLane" ADD COLUMN "promisedSamples" INTEGER NOT NULL DEFAULT 0;
UPDATE "DeliveryLane" SET "promisedSamples" = "samples";

-- CreateIndex
CREATE INDEX "Shipment_holdExpiresAt_idx" ON "Shipment"("holdExpiresAt");

-- CreateIndex
CREATE INDEX "Shipment_holdReminderAt_idx" ON "Shipment"("holdReminderAt");
