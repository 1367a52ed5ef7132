-- CreateTable
CREATE TABLE "AddressCheck" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "provider" TEXT,
    "residential" BOOLEAN,
    "zip4" TEXT,
    "poBox" BOOLEAN NOT NULL DEFAULT false,
    "reason" TEXT,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AddressCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShippingLabel" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT,
    "decisionId" TEXT NOT NULL,
    "shipmentIndex" INTEGER NOT NULL DEFAULT 0,
    "purchaseKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PREPARED',
    "format" TEXT NOT NULL DEFAULT 'PDF',
    "carrierAccountId" TEXT,
    "provider" TEXT,
    "providerRef" TEXT,
    "rate" JSONB,
    "comparison" JSONB,
    "carrier" TEXT,
    "service" TEXT,
    "amountCents" INTEGER,
    "currency" TEXT,
    "parcels" JSONB,
    "trackingUrl" TEXT,
    "fulfillmentId" TEXT,
    "trackerIds" JSONB,
    "refundStatus" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShippingLabel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShippingLabelFile" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "labelId" TEXT NOT NULL,
    "parcelIndex" INTEGER NOT NULL,
    "contentType" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShippingLabelFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AddressCheck_shop_orderId_key" ON "AddressCheck"("shop", "orderId");

-- CreateIndex
CREATE INDEX "ShippingLabel_shop_orderId_idx" ON "ShippingLabel"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "ShippingLabel_shop_purchaseKey_key" ON "ShippingLabel"("shop", "purchaseKey");

-- CreateIndex
CREATE UNIQUE INDEX "ShippingLabelFile_shop_labelId_parcelIndex_key" ON "ShippingLabelFile"("shop", "labelId", "parcelIndex");

