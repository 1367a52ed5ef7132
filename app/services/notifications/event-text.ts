import type { NotificationPickupPoint } from "./types";

/** "123 Main St, Springfield, IL 62701" */
export function pickupPointAddress(point: NotificationPickupPoint): string {
  return `${point.address1}, ${point.city}, ${point.province} ${point.zip}`;
}

/**
 * The carrier's public tracking page for a number (the links every carrier prints on its labels); null for a
 * carrier Tailroute does not know.
 */
export function trackingUrlFor(carrier: string, trackingNumber: string): string | null {
  const n = encodeURIComponent(trackingNumber);
  switch (carrier.toUpperCase()) {
    case "UPS":
      return `https://www.ups.com/track?tracknum=${n}`;
    case "FEDEX":
      return `https://www.fedex.com/fedextrack/?trknbr=${n}`;
    case "USPS":
      return `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`;
    case "DHL":
      return `https://www.dhl.com/us-en/home/tracking.html?tracking-id=${n}`;
    default:
      return null;
  }
}

/** "Fri, Dec 11" in UTC, the day a hold ends (the carrier's hold clock counts whole days). */
export function dayLabel(iso: string | null | undefined): string {
  if (!iso) return "";
  return new Date(iso).toLocaleDateString("en-US", {
    weekday: "short",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
}
