-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Shop" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" DATETIME,
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
    "updatedAt" DATETIME NOT NULL,
    "weightUnit" TEXT NOT NULL DEFAULT 'LB',
    "dimensionUnit" TEXT NOT NULL DEFAULT 'IN',
    "stockVersion" INTEGER NOT NULL DEFAULT 0,
    "backorderDays" INTEGER NOT NULL DEFAULT 7,
    "pallets" JSONB,
    "residentialDefault" TEXT NOT NULL DEFAULT 'GUESS_FROM_COMPANY'
);
INSERT INTO "new_Shop" ("backorderDays", "callbackToken", "carrierServiceError", "carrierServiceGid", "configVersion", "costTargetBasisPoints", "currency", "defaultBox", "dimensionUnit", "fallbackRates", "id", "installedAt", "markupBasisPoints", "markupFixedCents", "onCallbackFailure", "pallets", "routingStrategy", "shop", "stockVersion", "strategyTuning", "uninstalledAt", "updatedAt", "weightUnit") SELECT "backorderDays", "callbackToken", "carrierServiceError", "carrierServiceGid", "configVersion", "costTargetBasisPoints", "currency", "defaultBox", "dimensionUnit", "fallbackRates", "id", "installedAt", "markupBasisPoints", "markupFixedCents", "onCallbackFailure", "pallets", "routingStrategy", "shop", "stockVersion", "strategyTuning", "uninstalledAt", "updatedAt", "weightUnit" FROM "Shop";
DROP TABLE "Shop";
ALTER TABLE "new_Shop" RENAME TO "Shop";
CREATE UNIQUE INDEX "Shop_shop_key" ON "Shop"("shop");
CREATE UNIQUE INDEX "Shop_callbackToken_key" ON "Shop"("callbackToken");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

