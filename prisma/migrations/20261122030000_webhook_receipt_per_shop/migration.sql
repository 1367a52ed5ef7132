-- DropIndex
DROP INDEX "WebhookReceipt_webhookId_key";

-- DropIndex
DROP INDEX "WebhookReceipt_shop_idx";

-- CreateIndex
CREATE UNIQUE INDEX "WebhookReceipt_shop_webhookId_key" ON "WebhookReceipt"("shop", "webhookId");

