-- CreateTable
CREATE TABLE "CarrierAccount" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "apiKeySealed" TEXT NOT NULL,
    "apiKeyHint" TEXT NOT NULL,
    "apiBaseUrl" TEXT,
    "status" TEXT NOT NULL DEFAULT 'UNTESTED',
    "statusMessage" TEXT,
    "testedAt" TIMESTAMP(3),
    "carrierAccounts" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CarrierAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CarrierServiceMapping" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "serviceCode" TEXT NOT NULL,
    "carrierAccountId" TEXT NOT NULL,
    "providerAccount" TEXT NOT NULL,
    "providerService" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CarrierServiceMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveRateSetting" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "budgetMs" INTEGER NOT NULL DEFAULT 1500,
    "breakerFailures" INTEGER NOT NULL DEFAULT 5,
    "breakerCooldownMs" INTEGER NOT NULL DEFAULT 30000,
    "cacheTtlMs" INTEGER NOT NULL DEFAULT 120000,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LiveRateSetting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CarrierAccount_shop_provider_idx" ON "CarrierAccount"("shop", "provider");

-- CreateIndex
CREATE INDEX "CarrierServiceMapping_shop_carrierAccountId_idx" ON "CarrierServiceMapping"("shop", "carrierAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "CarrierServiceMapping_shop_serviceCode_key" ON "CarrierServiceMapping"("shop", "serviceCode");

-- CreateIndex
CREATE UNIQUE INDEX "LiveRateSetting_shop_key" ON "LiveRateSetting"("shop");

