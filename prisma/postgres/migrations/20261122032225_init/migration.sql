-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" TIMESTAMP(3),
    "accessToken" TEXT NOT NULL,
    "userId" BIGINT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "accountOwner" BOOLEAN,
    "locale" TEXT,
    "collaborator" BOOLEAN,
    "emailVerified" BOOLEAN,
    "refreshToken" TEXT,
    "refreshTokenExpires" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shop" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" TIMESTAMP(3),
    "routingStrategy" TEXT NOT NULL DEFAULT 'BALANCED',
    "costTargetBasisPoints" INTEGER,
    "strategyTuning" JSONB NOT NULL,
    "markupBasisPoints" INTEGER NOT NULL DEFAULT 0,
    "markupFixedCents" INTEGER NOT NULL DEFAULT 0,
    "defaultBox" JSONB NOT NULL,
    "fallbackRates" JSONB NOT NULL,
    "onCallbackFailure" TEXT NOT NULL DEFAULT 'RETURN_FALLBACK_RATES',
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "callbackToken" TEXT NOT NULL,
    "carrierServiceGid" TEXT,
    "carrierServiceError" TEXT,
    "configVersion" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "weightUnit" TEXT NOT NULL DEFAULT 'LB',
    "dimensionUnit" TEXT NOT NULL DEFAULT 'IN',

    CONSTRAINT "Shop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Warehouse" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address1" TEXT,
    "city" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "zip" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT 'US',
    "timeZone" TEXT NOT NULL,
    "cutoffLocalTime" TEXT NOT NULL DEFAULT '14:00',
    "handlingDays" INTEGER NOT NULL DEFAULT 1,
    "offersExpressParcel" BOOLEAN NOT NULL DEFAULT true,
    "offersPostal" BOOLEAN NOT NULL DEFAULT true,
    "offersFreight" BOOLEAN NOT NULL DEFAULT false,
    "shopifyLocationId" TEXT,
    "inventorySnapshot" JSONB,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Warehouse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CarrierService" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "carrier" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "dimDivisor" INTEGER NOT NULL,
    "dimMinCubicIn" INTEGER NOT NULL DEFAULT 0,
    "maxWeightLb" DOUBLE PRECISION NOT NULL,
    "maxLongestIn" DOUBLE PRECISION NOT NULL,
    "maxLengthPlusGirthIn" DOUBLE PRECISION NOT NULL,
    "fuelBasisPoints" INTEGER NOT NULL DEFAULT 0,
    "surcharges" JSONB NOT NULL,
    "holidays" JSONB NOT NULL,
    "transitByZone" JSONB NOT NULL,
    "zoneChart" JSONB,
    "servedStates" JSONB,
    "excludedStates" JSONB,
    "reachesPoBox" BOOLEAN NOT NULL DEFAULT false,
    "reachesMilitary" BOOLEAN NOT NULL DEFAULT false,
    "freightLevels" JSONB,
    "appointmentLeadDays" INTEGER,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CarrierService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WarehouseService" (
    "shop" TEXT NOT NULL,
    "warehouseId" TEXT NOT NULL,
    "carrierServiceId" TEXT NOT NULL,

    CONSTRAINT "WarehouseService_pkey" PRIMARY KEY ("warehouseId","carrierServiceId")
);

-- CreateTable
CREATE TABLE "RateCard" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "carrierServiceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isSample" BOOLEAN NOT NULL DEFAULT false,
    "basis" TEXT NOT NULL DEFAULT 'PER_PACKAGE',
    "zones" JSONB NOT NULL,
    "breaks" JSONB NOT NULL,
    "overLastBreakCentsPerLb" JSONB NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RateCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Carton" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "lengthIn" DOUBLE PRECISION NOT NULL,
    "widthIn" DOUBLE PRECISION NOT NULL,
    "heightIn" DOUBLE PRECISION NOT NULL,
    "tareWeightOz" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "maxWeightOz" DOUBLE PRECISION NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Carton_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductProfile" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "variantId" TEXT,
    "sku" TEXT,
    "name" TEXT NOT NULL,
    "lengthIn" DOUBLE PRECISION NOT NULL,
    "widthIn" DOUBLE PRECISION NOT NULL,
    "heightIn" DOUBLE PRECISION NOT NULL,
    "weightOz" DOUBLE PRECISION,
    "fragile" BOOLEAN NOT NULL DEFAULT false,
    "valuable" BOOLEAN NOT NULL DEFAULT false,
    "coldChain" BOOLEAN NOT NULL DEFAULT false,
    "bulky" BOOLEAN NOT NULL DEFAULT false,
    "shipAlone" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProductProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PickupPoint" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address1" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "zip" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "hours" JSONB NOT NULL,
    "isSample" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL DEFAULT 'CSV',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PickupPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoutingDecision" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "serviceCode" TEXT,
    "mode" TEXT,
    "carrier" TEXT,
    "service" TEXT,
    "costCents" INTEGER,
    "promisedMinDate" TIMESTAMP(3),
    "promisedMaxDate" TIMESTAMP(3),
    "plan" JSONB NOT NULL,
    "reasons" JSONB NOT NULL,
    "actions" JSONB NOT NULL,
    "pickupPoint" JSONB,
    "input" JSONB,
    "leaseUntil" TIMESTAMP(3),
    "applyRuns" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoutingDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shipment" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT,
    "orderName" TEXT,
    "decisionId" TEXT,
    "fulfillmentId" TEXT,
    "carrier" TEXT NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'SHOPIFY',
    "status" TEXT NOT NULL DEFAULT 'LABEL_CREATED',
    "statusAt" TIMESTAMP(3),
    "progressStatus" TEXT NOT NULL DEFAULT 'LABEL_CREATED',
    "estimatedDeliveryAt" TIMESTAMP(3),
    "lastEventAt" TIMESTAMP(3),
    "lastEventDescription" TEXT,
    "warehouseId" TEXT,
    "serviceId" TEXT,
    "destZip3" TEXT,
    "destTimeZone" TEXT,
    "plannedShipDate" TEXT,
    "promisedMinDate" TIMESTAMP(3),
    "promisedMaxDate" TIMESTAMP(3),
    "outboundCostCents" INTEGER,
    "deliveredAt" TIMESTAMP(3),
    "laneRecordedAt" TIMESTAMP(3),
    "pickupPointId" TEXT,
    "holdNetwork" TEXT,
    "holdStartedAt" TIMESTAMP(3),
    "holdExpiresAt" TIMESTAMP(3),
    "holdReminderAt" TIMESTAMP(3),
    "holdRemindedAt" TIMESTAMP(3),
    "returningToOrigin" BOOLEAN NOT NULL DEFAULT false,
    "reverseCostCents" INTEGER,
    "attention" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shipment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrackingEvent" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "shipmentId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "rawCode" TEXT NOT NULL,
    "provider" TEXT NOT NULL DEFAULT 'GENERIC',
    "description" TEXT,
    "location" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dedupeKey" TEXT NOT NULL,
    "appliedAs" TEXT,

    CONSTRAINT "TrackingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookReceipt" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "WebhookReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallbackFailure" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT,
    "answeredBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallbackFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PickupNetworkSetting" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "maxWeightLb" DOUBLE PRECISION NOT NULL,
    "maxLongestIn" DOUBLE PRECISION NOT NULL,
    "maxDimensionsIn" JSONB,
    "maxValueCents" INTEGER,
    "holdDays" INTEGER NOT NULL,
    "maxDistanceMiles" DOUBLE PRECISION NOT NULL,
    "excludeFragile" BOOLEAN NOT NULL DEFAULT true,
    "excludeValuable" BOOLEAN NOT NULL DEFAULT true,
    "excludeColdChain" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PickupNetworkSetting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrackingSource" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrackingSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrackingPush" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "shipmentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "payload" JSONB NOT NULL,
    "shopifyId" TEXT,
    "error" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "TrackingPush_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryLane" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "warehouseId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "destZip3" TEXT NOT NULL,
    "samples" INTEGER NOT NULL DEFAULT 0,
    "onTime" INTEGER NOT NULL DEFAULT 0,
    "histogram" JSONB NOT NULL,
    "p50Days" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "p90Days" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeliveryLane_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Session_shop_idx" ON "Session"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "Shop_shop_key" ON "Shop"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "Shop_callbackToken_key" ON "Shop"("callbackToken");

-- CreateIndex
CREATE INDEX "Warehouse_shop_idx" ON "Warehouse"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "Warehouse_shop_key_key" ON "Warehouse"("shop", "key");

-- CreateIndex
CREATE INDEX "CarrierService_shop_idx" ON "CarrierService"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "CarrierService_shop_code_key" ON "CarrierService"("shop", "code");

-- CreateIndex
CREATE INDEX "WarehouseService_shop_idx" ON "WarehouseService"("shop");

-- CreateIndex
CREATE INDEX "RateCard_shop_idx" ON "RateCard"("shop");

-- CreateIndex
CREATE INDEX "RateCard_carrierServiceId_effectiveFrom_idx" ON "RateCard"("carrierServiceId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "Carton_shop_idx" ON "Carton"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "Carton_shop_key_key" ON "Carton"("shop", "key");

-- CreateIndex
CREATE INDEX "ProductProfile_shop_sku_idx" ON "ProductProfile"("shop", "sku");

-- CreateIndex
CREATE UNIQUE INDEX "ProductProfile_shop_variantId_key" ON "ProductProfile"("shop", "variantId");

-- CreateIndex
CREATE INDEX "PickupPoint_shop_zip_idx" ON "PickupPoint"("shop", "zip");

-- CreateIndex
CREATE UNIQUE INDEX "PickupPoint_shop_network_externalId_key" ON "PickupPoint"("shop", "network", "externalId");

-- CreateIndex
CREATE INDEX "RoutingDecision_shop_status_idx" ON "RoutingDecision"("shop", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RoutingDecision_shop_orderId_key" ON "RoutingDecision"("shop", "orderId");

-- CreateIndex
CREATE INDEX "Shipment_shop_orderId_idx" ON "Shipment"("shop", "orderId");

-- CreateIndex
CREATE INDEX "Shipment_shop_trackingNumber_idx" ON "Shipment"("shop", "trackingNumber");

-- CreateIndex
CREATE INDEX "Shipment_shop_status_idx" ON "Shipment"("shop", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Shipment_shop_carrier_trackingNumber_key" ON "Shipment"("shop", "carrier", "trackingNumber");

-- CreateIndex
CREATE INDEX "TrackingEvent_shop_idx" ON "TrackingEvent"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "TrackingEvent_shipmentId_dedupeKey_key" ON "TrackingEvent"("shipmentId", "dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookReceipt_shop_webhookId_key" ON "WebhookReceipt"("shop", "webhookId");

-- CreateIndex
CREATE INDEX "CallbackFailure_shop_createdAt_idx" ON "CallbackFailure"("shop", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PickupNetworkSetting_shop_network_key" ON "PickupNetworkSetting"("shop", "network");

-- CreateIndex
CREATE UNIQUE INDEX "TrackingSource_shop_provider_key" ON "TrackingSource"("shop", "provider");

-- CreateIndex
CREATE INDEX "TrackingPush_shop_status_idx" ON "TrackingPush"("shop", "status");

-- CreateIndex
CREATE INDEX "TrackingPush_shipmentId_idx" ON "TrackingPush"("shipmentId");

-- CreateIndex
CREATE UNIQUE INDEX "TrackingPush_shop_key_key" ON "TrackingPush"("shop", "key");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryLane_shop_warehouseId_serviceId_destZip3_key" ON "DeliveryLane"("shop", "warehouseId", "serviceId", "destZip3");

-- AddForeignKey
ALTER TABLE "WarehouseService" ADD CONSTRAINT "WarehouseService_warehouseId_fkey" FOREIGN KEY ("warehouseId") REFERENCES "Warehouse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WarehouseService" ADD CONSTRAINT "WarehouseService_carrierServiceId_fkey" FOREIGN KEY ("carrierServiceId") REFERENCES "CarrierService"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RateCard" ADD CONSTRAINT "RateCard_carrierServiceId_fkey" FOREIGN KEY ("carrierServiceId") REFERENCES "CarrierService"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "RoutingDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackingEvent" ADD CONSTRAINT "TrackingEvent_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

