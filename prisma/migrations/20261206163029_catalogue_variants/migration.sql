-- CreateTable
CREATE TABLE "CatalogueVariant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sku" TEXT,
    "weightOz" REAL,
    "syncedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "CatalogueVariant_shop_title_idx" ON "CatalogueVariant"("shop", "title");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogueVariant_shop_variantId_key" ON "CatalogueVariant"("shop", "variantId");

