-- CreateTable
CREATE TABLE "AppointmentCalendar" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "warehouseKey" TEXT NOT NULL,
    "partnerName" TEXT,
    "timeZone" TEXT NOT NULL,
    "regions" JSONB NOT NULL,
    "windows" JSONB NOT NULL,
    "blackoutDates" JSONB NOT NULL,
    "horizonDays" INTEGER NOT NULL DEFAULT 21,
    "changeCutoffHours" INTEGER NOT NULL DEFAULT 48,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AppointmentSlot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "calendarId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "windowId" TEXT NOT NULL,
    "booked" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "DeliveryAppointment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT,
    "calendarId" TEXT NOT NULL,
    "slotId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "windowId" TEXT NOT NULL,
    "windowStart" TEXT NOT NULL,
    "windowEnd" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "customerId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "syncedVersion" INTEGER NOT NULL DEFAULT 0,
    "syncError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "AppointmentCalendar_shop_warehouseKey_key" ON "AppointmentCalendar"("shop", "warehouseKey");

-- CreateIndex
CREATE UNIQUE INDEX "AppointmentSlot_shop_calendarId_day_windowId_key" ON "AppointmentSlot"("shop", "calendarId", "day", "windowId");

-- CreateIndex
CREATE INDEX "DeliveryAppointment_shop_calendarId_day_idx" ON "DeliveryAppointment"("shop", "calendarId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryAppointment_shop_orderId_key" ON "DeliveryAppointment"("shop", "orderId");

