import { zoneGaps, type ZoneGap } from "../../engine";
import { callbackCache } from "../carrier-service/runtime.server";

/** How many gaps the checklist names (the rest are counted). */
const LISTED = 3;

/** Per compiled configuration (the checkout's cache keeps one per shop until a save): 4–9 ms each for the demo. */
const gapsByConfig = new WeakMap<object, ZoneGap[]>();

/** One gap as the merchant reads it: "UPS Ground from Edison NJ: no price for zone 9 (4 areas: 967, 968, 969 …)". */
export function zoneGapText(gap: ZoneGap): string {
  const what = gap.missing === "PRICE" ? "no price" : "no transit time";
  const areas = gap.zip3s.slice(0, 3).join(", ") + (gap.zip3s.length > 3 ? " …" : "");
  const count = `${gap.zip3s.length} ZIP3 area${gap.zip3s.length === 1 ? "" : "s"}`;
  return `${gap.serviceName} from ${gap.warehouseName}: ${what} for zone ${gap.zone} (${count}: ${areas}), so no rate there`;
}

/**
 * The zones the shop's services reach without a price or a transit time (the engine's `zoneGaps` on the configuration
 * the checkout uses), as checklist lines: the first few, then how many more. Nothing when the configuration cannot
 * be compiled: the test quote step reports that.
 */
export async function zoneGapsText(shop: string): Promise<string[]> {
  let gaps: ZoneGap[];
  try {
    const runtime = await callbackCache.byShop(shop);
    if (!runtime?.compiled) return [];
    gaps = gapsByConfig.get(runtime.compiled) ?? zoneGaps(runtime.compiled);
    gapsByConfig.set(runtime.compiled, gaps);
  } catch {
    return [];
  }
  const lines = gaps.slice(0, LISTED).map(zoneGapText);
  if (gaps.length > LISTED) lines.push(`and ${gaps.length - LISTED} more such zone(s)`);
  // The distance bands give zone 1 within 50 miles; UPS and FedEx number their zones from 2 (docs/engine.md).
  if (gaps.length > 0)
    lines.push("price those zones on the rate card, or import the carrier's zone chart for the warehouse");
  return lines;
}
