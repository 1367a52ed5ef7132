-- CreateTable
CREATE TABLE "CatalogueVariant" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sku" TEXT,
    "weightOz" DOUBLE PRECISION,
    "syncedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CatalogueVariant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CatalogueVariant_shop_title_idx" ON "CatalogueVariant"("shop", "title");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogueVariant_shop_variantId_key" ON "CatalogueVariant"("shop", "variantId");

