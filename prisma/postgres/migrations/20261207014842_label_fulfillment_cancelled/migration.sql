-- AlterTable
ALTER TABLE "ShippingLabel" ADD COLUMN     "fulfillmentCancelledAt" TIMESTAMP(3);

