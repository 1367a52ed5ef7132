import type { PrismaClient } from "@prisma/client";
import { savePickupPoints, type ImportDirectoryResult } from "../directory-import.server";
import type { LocatorResult, LocatorSearch, PickupLocatorProvider } from "./types";

/**
 * Fills a shop's directory from a live locator around an address (merging by network + external id).
 * Entries the provider returned but that could not be used are reported, not saved.
 */
export async function importFromLocator(
  db: PrismaClient,
  shop: string,
  provider: PickupLocatorProvider,
  query: LocatorSearch,
): Promise<{ saved: ImportDirectoryResult; skipped: LocatorResult["skipped"] }> {
  const found = await provider.search(query);
  if (found.points.length === 0)
    return {
      saved: { ok: false, errors: [{ line: 0, message: "the locator found no usable location" }] },
      skipped: found.skipped,
    };
  const saved = await savePickupPoints(db, shop, found.points, {
    source: provider.network === "UPS_ACCESS_POINT" ? "UPS_LOCATOR" : "LOCATOR",
  });
  return { saved, skipped: found.skipped };
}
