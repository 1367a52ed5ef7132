-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "orderId" TEXT,
    "orderName" TEXT,
    "customerId" TEXT,
    "event" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "detail" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" DATETIME,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "NotificationSettings" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "emailEnabled" BOOLEAN NOT NULL DEFAULT false,
    "fromName" TEXT,
    "fromAddress" TEXT,
    "smtpHost" TEXT,
    "smtpPort" INTEGER,
    "smtpSecure" BOOLEAN NOT NULL DEFAULT false,
    "smtpUser" TEXT,
    "smtpPasswordSealed" TEXT,
    "reminderAfterArrivalDays" INTEGER NOT NULL DEFAULT 1,
    "reminderBeforeExpiryDays" INTEGER NOT NULL DEFAULT 1,
    "templates" JSONB,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FlowTriggerUse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "changedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "EmailUnsubscribe" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "addressHash" TEXT NOT NULL,
    "customerId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Notification_shop_createdAt_idx" ON "Notification"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_shop_orderId_idx" ON "Notification"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_shop_eventKey_channel_key" ON "Notification"("shop", "eventKey", "channel");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationSettings_shop_key" ON "NotificationSettings"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "FlowTriggerUse_shop_handle_key" ON "FlowTriggerUse"("shop", "handle");

-- CreateIndex
CREATE UNIQUE INDEX "EmailUnsubscribe_shop_addressHash_key" ON "EmailUnsubscribe"("shop", "addressHash");

