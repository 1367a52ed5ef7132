-- AlterTable
ALTER TABLE "Warehouse" ADD COLUMN     "fulfillmentServiceId" TEXT,
ADD COLUMN     "handoffEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "handoffSecret" TEXT,
ADD COLUMN     "handoffUrl" TEXT;

-- CreateTable
CREATE TABLE "WarehouseHandoff" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "warehouseKey" TEXT NOT NULL,
    "fulfillmentOrderId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT,
    "state" TEXT NOT NULL DEFAULT 'ACCEPTED',
    "document" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "trackingCompany" TEXT,
    "trackingNumber" TEXT,
    "trackingUrl" TEXT,
    "fulfillmentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WarehouseHandoff_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WarehouseHandoff_shop_state_idx" ON "WarehouseHandoff"("shop", "state");

-- CreateIndex
CREATE UNIQUE INDEX "WarehouseHandoff_shop_fulfillmentOrderId_key" ON "WarehouseHandoff"("shop", "fulfillmentOrderId");

