-- Admin display units (issue 6). Stored values stay ounces and inches; these only choose what the admin shows.
ALTER TABLE "Shop" ADD COLUMN "weightUnit" TEXT NOT NULL DEFAULT 'LB';
ALTER TABLE "Shop" ADD COLUMN "dimensionUnit" TEXT NOT NULL DEFAULT 'IN';
