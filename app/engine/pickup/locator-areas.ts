import { lookupZip, nearestZips, normalizeZip, zip3Centroid } from "../geo";

// Where a live locator (UPS Locator) searches for a shop: its delivery areas. docs/pickup-points.md ("Pickup
// directory from UPS") explains the choice. Pure: the parcel counts per destination ZIP3 come from the caller.

/** One search centre: a 5-digit ZIP with the city and state the ZIP table gives it. */
export interface LocatorArea {
  zip: string;
  city: string;
  state: string;
  /** METRO: listed by the merchant; DELIVERIES: a ZIP3 the shop's parcels went to (`parcels` of them). */
  source: "METRO" | "DELIVERIES";
  parcels: number;
}

/** At most this many searches per refresh (each is one Locator call). */
export const MAX_LOCATOR_AREAS = 25;

/** The 5-digit ZIP nearest a ZIP3's centroid, inside that ZIP3 (its "central ZIP"), with its city and state. */
export function centralZipOf(zip3: string): { zip: string; city: string; state: string } | undefined {
  const centroid = zip3Centroid(zip3);
  if (!centroid) return undefined;
  const inside = nearestZips(centroid, 25).find((row) => row.zip.startsWith(zip3) && row.city);
  return inside ? { zip: inside.zip, city: inside.city, state: inside.state } : undefined;
}

/**
 * The areas to search, in order: the merchant's metros (as listed, unknown ZIPs left out), then the ZIP3s the
 * shop's parcels went to, busiest first, each as its central ZIP — skipping a ZIP3 a metro already covers — up to
 * `maxAreas` in all.
 *
 * @example
 * locatorSearchAreas({ metroZips: ["10001"], deliveredZip3s: [{ zip3: "900", parcels: 40 }], maxAreas: 10 });
 * // [{ zip: "10001", source: "METRO", … }, { zip: "900xx", source: "DELIVERIES", parcels: 40, … }]
 */
export function locatorSearchAreas(input: {
  metroZips: readonly string[];
  deliveredZip3s: readonly { zip3: string; parcels: number }[];
  maxAreas: number;
}): LocatorArea[] {
  const max = Math.max(0, Math.min(input.maxAreas, MAX_LOCATOR_AREAS));
  const areas: LocatorArea[] = [];
  const covered = new Set<string>();
  for (const raw of input.metroZips) {
    const zip = normalizeZip(raw);
    const found = zip ? lookupZip(zip) : undefined;
    if (!found || found.approximate || covered.has(found.zip3)) continue;
    covered.add(found.zip3);
    areas.push({ zip: found.zip, city: found.city, state: found.state, source: "METRO", parcels: 0 });
  }
  const busiest = [...input.deliveredZip3s]
    .filter((d) => /^\d{3}$/.test(d.zip3) && d.parcels > 0)
    .sort((a, b) => b.parcels - a.parcels || a.zip3.localeCompare(b.zip3));
  for (const { zip3, parcels } of busiest) {
    if (covered.has(zip3)) continue;
    const central = centralZipOf(zip3);
    if (!central) continue;
    covered.add(zip3);
    areas.push({ ...central, source: "DELIVERIES", parcels });
  }
  return areas.slice(0, max);
}
