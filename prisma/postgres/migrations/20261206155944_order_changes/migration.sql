-- DropIndex
DROP INDEX "RoutingDecision_shop_orderId_key";

-- AlterTable
ALTER TABLE "RoutingDecision" ADD COLUMN     "changes" JSONB,
ADD COLUMN     "orderFingerprint" TEXT,
ADD COLUMN     "orderUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "supersededAt" TIMESTAMP(3),
ADD COLUMN     "supersededReason" TEXT,
ADD COLUMN     "supersedesId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "RoutingDecision_shop_orderId_revision_key" ON "RoutingDecision"("shop", "orderId", "revision");
