-- CreateTable
CREATE TABLE "CallbackFailure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT,
    "answeredBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "CallbackFailure_shop_createdAt_idx" ON "CallbackFailure"("shop", "createdAt");

