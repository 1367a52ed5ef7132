-- AlterTable
ALTER TABLE "ShippingLabel" ADD COLUMN "fulfillmentCancelledAt" DATETIME;

