import { classifyAddress, lookupZip, timeZoneForZip } from "../geo";
import type { IssueList } from "../issues";
import { localNow } from "../transit";
import type { Destination, ResidentialDefault } from "../types";
import type { ResolvedDestination } from "./types";

/** Shopify may send territories as their own country codes; they are US ZIPs all the same. */
const US_COUNTRY_CODES = new Set(["US", "PR", "VI", "GU", "AS", "MP", "PW", "FM", "MH", "UM"]);

/**
 * Locates the destination: country check, ZIP lookup (unknown → UNKNOWN_ZIP error, no crash), time zone,
 * address class (PO box / military) and whether it is residential: as the checkout says (`residential`), else
 * the shop's `residentialDefault` (GUESS_FROM_COMPANY: no company name → residential, the carriers' own default).
 *
 * @example
 * resolveDestination({ country: "US", zip: "75201", addressLines: ["1 Main St"] }, now, issues)?.timeZone;
 * // "America/Chicago"
 */
export function resolveDestination(
  d: Destination,
  now: Date,
  issues: IssueList,
  residentialDefault: ResidentialDefault = "GUESS_FROM_COMPANY",
): ResolvedDestination | undefined {
  const country = d.country.trim().toUpperCase();
  if (!US_COUNTRY_CODES.has(country)) {
    issues.add(
      "UNSUPPORTED_COUNTRY",
      "error",
      `Tailroute delivers in the US only (destination country ${country || "missing"})`,
    );
    return undefined;
  }
  const zip = lookupZip(d.zip);
  if (!zip) {
    issues.add("UNKNOWN_ZIP", "error", `ZIP "${d.zip}" is not a known US ZIP code`);
    return undefined;
  }
  const timeZone = timeZoneForZip(zip.zip, zip.state);
  const addressClass = classifyAddress(d.addressLines, d.city, d.state ?? zip.state);
  if (addressClass === "PO_BOX")
    issues.add("PO_BOX_POSTAL_ONLY", "info", "PO box address: postal services only");
  if (addressClass === "MILITARY") {
    issues.add("MILITARY_POSTAL_ONLY", "info", "APO/FPO/DPO address: postal services only");
  }
  const residential =
    d.residential ??
    (residentialDefault === "GUESS_FROM_COMPANY"
      ? !(d.company && d.company.trim().length > 0)
      : residentialDefault === "RESIDENTIAL");
  return { zip, timeZone, addressClass, residential, today: localNow(now, timeZone).day };
}
