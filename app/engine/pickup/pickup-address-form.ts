import type { PickupNetwork } from "./types";

// The order's shipping address when the parcel goes to a pickup point, in the form each carrier's label needs.
// Shopify's MailingAddressInput has no field for a point's id, so the id travels in `company` (the line a
// label prints under the recipient's name) and the point's own name in `address2`; `address1` stays the
// point's street, so address validation and rating still see a real street address. The buyer's first and
// last name and phone are kept: the carrier hands the parcel over against the name on the label.
// Sources and the reasons for each network's form: docs/pickup-points.md#the-address-the-carrier-sees.

/** The address fields Tailroute writes (a subset of Shopify's MailingAddressInput, US only). */
export interface PickupMailingAddress {
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  company: string;
  address1: string;
  address2: string | null;
  city: string;
  provinceCode: string;
  zip: string;
  countryCode: "US";
}

/** What the form needs of a point (PickupPointRecord has it). */
export interface PickupFormPoint {
  network: PickupNetwork;
  externalId: string;
  name: string;
  address1: string;
  city: string;
  province: string;
  zip: string;
}

/** The buyer's name and phone, from the order's shipping address before it changed. */
export interface PickupRecipient {
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
}

/** `company` begins with one of these exactly when Tailroute wrote the address (see isPickupAddress). */
export const PICKUP_COMPANY_PREFIX: Record<PickupNetwork, string> = {
  UPS_ACCESS_POINT: "UPS Access Point",
  FEDEX_HOLD_AT_LOCATION: "FedEx Hold at Location",
  AMAZON_LOCKER: "Amazon Hub Locker",
  USPS_HOLD_FOR_PICKUP: "USPS Hold for Pickup",
};

/** Shopify's address lines are free text; lines this long already break most labels. */
const MAX_LINE = 100;
const line = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, MAX_LINE);

/** "Amazon Hub Locker - Flower" or "Flower" → "Flower" (the locker's own name). */
function lockerName(name: string): string {
  return name.replace(/^\s*amazon\s+(hub\s+)?locker\s*[-–:]\s*/i, "").trim() || name.trim();
}

/**
 * The point's address in its carrier's form, addressed to the buyer.
 *
 * - UPS Access Point: `company` "UPS Access Point <Access Point ID>", `address2` the business's name.
 * - FedEx Hold at Location: `company` "FedEx Hold at Location <location ID>", `address2` the location's name.
 * - Amazon Hub Locker: `company` "Amazon Hub Locker - <locker name>" (how Amazon names a locker in a buyer's
 *   address book), `address2` "Locker <id>".
 * - USPS Hold for Pickup: `company` "USPS Hold for Pickup", `address2` the Post Office's name (USPS holds the
 *   parcel at the office whose street address is on the label; there is no separate id).
 *
 * @example
 * pickupShippingAddress(
 *   { network: "UPS_ACCESS_POINT", externalId: "U123", name: "The UPS Store #1234", address1: "350 S Grand Ave",
 *     city: "Los Angeles", province: "CA", zip: "90071" },
 *   { firstName: "Ana", lastName: "Diaz", phone: "+13105550100" },
 * ).company; // "UPS Access Point U123"
 */
export function pickupShippingAddress(
  point: PickupFormPoint,
  recipient: PickupRecipient,
): PickupMailingAddress {
  const prefix = PICKUP_COMPANY_PREFIX[point.network];
  const id = line(point.externalId);
  const form = (() => {
    switch (point.network) {
      case "UPS_ACCESS_POINT":
      case "FEDEX_HOLD_AT_LOCATION":
        return { company: `${prefix} ${id}`, address2: line(point.name) };
      case "AMAZON_LOCKER":
        return { company: `${prefix} - ${lockerName(point.name)}`, address2: `Locker ${id}` };
      case "USPS_HOLD_FOR_PICKUP":
        return { company: prefix, address2: line(point.name) };
    }
  })();
  return {
    firstName: recipient.firstName,
    lastName: recipient.lastName,
    phone: recipient.phone,
    company: line(form.company),
    address1: line(point.address1),
    address2: form.address2 ? line(form.address2) : null,
    city: line(point.city),
    provinceCode: point.province.trim().toUpperCase(),
    zip: point.zip.trim(),
    countryCode: "US",
  };
}

/** Whether an address is one Tailroute wrote for a pickup point (its `company` carries a network's form). */
export function isPickupAddress(address: { company?: string | null } | null | undefined): boolean {
  const company = address?.company?.trim() ?? "";
  return Object.values(PICKUP_COMPANY_PREFIX).some((p) => company.startsWith(p));
}

/** An address as compared: the fields a label prints, case and spacing ignored. */
export interface ComparableAddress {
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  provinceCode?: string | null;
  province?: string | null;
  zip?: string | null;
}

const norm = (v: string | null | undefined) => (v ?? "").replace(/\s+/g, " ").trim().toLowerCase();

/**
 * Whether `actual` (what Shopify shows) is `expected` (what Tailroute wrote): street, company, city, ZIP and the
 * recipient's name. The phone is left out (Shopify may reformat it to E.164), and the state is compared only when
 * both sides carry a code (a fulfillment order's destination has the state's name).
 */
export function sameAddress(expected: ComparableAddress, actual: ComparableAddress | null): boolean {
  if (!actual) return false;
  const fields = ["company", "address1", "address2", "city", "firstName", "lastName"] as const;
  if (fields.some((f) => norm(expected[f]) !== norm(actual[f]))) return false;
  if (norm(expected.zip).slice(0, 5) !== norm(actual.zip).slice(0, 5)) return false;
  const expectedState = expected.provinceCode ?? null;
  const actualState = actual.provinceCode ?? null;
  return !expectedState || !actualState || norm(expectedState) === norm(actualState);
}

/** One line for people: "Ana Diaz, UPS Access Point U123, 350 S Grand Ave, Los Angeles CA 90071". */
export function formatMailingAddress(address: ComparableAddress | null): string {
  if (!address) return "none";
  const name = [address.firstName, address.lastName].filter(Boolean).join(" ");
  const place = [address.city, address.provinceCode ?? address.province, address.zip]
    .filter(Boolean)
    .join(" ");
  return [name, address.company, address.address1, address.address2, place].filter(Boolean).join(", ");
}
