// The carriers' own public pages a buyer uses after a missed delivery (docs/appointments.md, "Sources"):
//   UPS    tracking page, whose "Change Delivery" reschedules, redirects or holds at a UPS Access Point
//   FedEx  tracking page, whose delivery options (FedEx Delivery Manager) reschedule or hold at a FedEx location
//   USPS   "Schedule a Redelivery" (tools.usps.com/redelivery.htm) and the tracking page (Post Office pickup)
//   Amazon tracking page (Amazon re-attempts by itself and says so there)

export type RedeliveryOptionKind = "change" | "reschedule" | "track";

export interface RedeliveryOption {
  kind: RedeliveryOptionKind;
  url: string;
}

/** UPS | FEDEX | USPS | AMAZON, or null for a carrier without public pages here. */
export function carrierFamily(carrier: string): "UPS" | "FEDEX" | "USPS" | "AMAZON" | null {
  const c = carrier.toUpperCase().replace(/[^A-Z]/g, "");
  if (c.startsWith("UPS")) return "UPS";
  if (c.startsWith("FEDEX")) return "FEDEX";
  if (c.startsWith("USPS") || c.includes("POSTAL")) return "USPS";
  if (c.startsWith("AMAZON")) return "AMAZON";
  return null;
}

/** The carrier's public tracking page for a tracking number, or null for an unknown carrier. */
export function trackingUrl(carrier: string, trackingNumber: string): string | null {
  const n = encodeURIComponent(trackingNumber);
  switch (carrierFamily(carrier)) {
    case "UPS":
      return `https://www.ups.com/track?tracknum=${n}`;
    case "FEDEX":
      return `https://www.fedex.com/fedextrack/?trknbr=${n}`;
    case "USPS":
      return `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`;
    case "AMAZON":
      return `https://track.amazon.com/tracking/${n}`;
    default:
      return null;
  }
}

/** After a failed attempt: where the buyer arranges a new delivery or a pickup, in the carrier's own words. */
export function redeliveryOptions(carrier: string, trackingNumber: string): RedeliveryOption[] {
  const track = trackingUrl(carrier, trackingNumber);
  switch (carrierFamily(carrier)) {
    case "UPS":
    case "FEDEX":
      return [{ kind: "change", url: track! }];
    case "USPS":
      return [
        { kind: "reschedule", url: "https://tools.usps.com/redelivery.htm" },
        { kind: "track", url: track! },
      ];
    case "AMAZON":
      return [{ kind: "track", url: track! }];
    default:
      return [];
  }
}

/** A map search for an address (Google Maps URLs, `api=1`: opens the app or the site, no key needed). */
export function mapUrl(address: { address1: string; city: string; province: string; zip: string }): string {
  const query = `${address.address1}, ${address.city}, ${address.province} ${address.zip}`;
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}`;
}
