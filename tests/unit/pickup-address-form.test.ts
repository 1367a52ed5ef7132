import { describe, expect, it } from "vitest";
import {
  formatMailingAddress,
  isPickupAddress,
  pickupShippingAddress,
  sameAddress,
  type PickupFormPoint,
} from "../../app/engine/pickup/pickup-address-form";

// The shipping address a parcel to a pickup point carries: the point's street, the carrier's form in company /
// address2, the buyer's name and phone.

const buyer = { firstName: "Ava", lastName: "Stone", phone: "+15555550100" };
const at = (network: PickupFormPoint["network"], externalId: string, name: string): PickupFormPoint => ({
  network,
  externalId,
  name,
  address1: "350 S Grand Ave",
  city: "Los Angeles",
  province: "ca",
  zip: "90071",
});

describe("pickupShippingAddress", () => {
  it("addresses a UPS Access Point to the buyer, with the Access Point ID in company and the store in address2", () => {
    // GIVEN a UPS Access Point WHEN its form is built for the buyer
    const address = pickupShippingAddress(at("UPS_ACCESS_POINT", "U1234567", "The UPS Store #1234"), buyer);
    // THEN the buyer's name and phone stay, the point's street is address1, and the form carries the ID
    expect(address).toEqual({
      firstName: "Ava",
      lastName: "Stone",
      phone: "+15555550100",
      company: "UPS Access Point U1234567",
      address1: "350 S Grand Ave",
      address2: "The UPS Store #1234",
      city: "Los Angeles",
      provinceCode: "CA",
      zip: "90071",
      countryCode: "US",
    });
  });

  it("puts the FedEx location ID, the Amazon locker's name and the USPS office each where their form says", () => {
    const fedex = pickupShippingAddress(
      at("FEDEX_HOLD_AT_LOCATION", "LAXOM", "FedEx Office Print & Ship"),
      buyer,
    );
    expect([fedex.company, fedex.address2]).toEqual([
      "FedEx Hold at Location LAXOM",
      "FedEx Office Print & Ship",
    ]);
    // AND an Amazon locker is named once, whether or not the directory's name already says "Amazon Hub Locker"
    for (const name of ["Amazon Hub Locker - Flower", "Flower"]) {
      const amazon = pickupShippingAddress(at("AMAZON_LOCKER", "AMZ-LA-7", name), buyer);
      expect([amazon.company, amazon.address2]).toEqual(["Amazon Hub Locker - Flower", "Locker AMZ-LA-7"]);
    }
    const usps = pickupShippingAddress(
      at("USPS_HOLD_FOR_PICKUP", "USPS-1", "Terminal Annex Post Office"),
      buyer,
    );
    expect([usps.company, usps.address2]).toEqual(["USPS Hold for Pickup", "Terminal Annex Post Office"]);
  });

  it("keeps lines to 100 characters and collapses spacing", () => {
    const long = pickupShippingAddress(at("UPS_ACCESS_POINT", "U1", `  The   ${"x".repeat(200)}`), buyer);
    expect(long.address2).toHaveLength(100);
    expect(long.address2!.startsWith("The x")).toBe(true);
  });

  it("recognises an address it wrote, and no buyer's own company", () => {
    const written = pickupShippingAddress(at("UPS_ACCESS_POINT", "U1", "Store"), buyer);
    expect(isPickupAddress(written)).toBe(true);
    expect(isPickupAddress({ company: "Acme Inc" })).toBe(false);
    expect(isPickupAddress({ company: null })).toBe(false);
    expect(isPickupAddress(null)).toBe(false);
  });
});

describe("sameAddress", () => {
  const written = pickupShippingAddress(at("UPS_ACCESS_POINT", "U1", "Store"), buyer);

  it("matches Shopify's copy with other case, spacing, ZIP+4, no phone and a state name instead of its code", () => {
    const copy = {
      ...written,
      company: "UPS ACCESS POINT  U1",
      zip: "90071-1234",
      phone: null,
      provinceCode: null,
      province: "California",
    };
    expect(sameAddress(written, copy)).toBe(true);
  });

  it("does not match the buyer's home, another point, another recipient or nothing", () => {
    expect(sameAddress(written, { ...written, address1: "200 N Spring St", company: null })).toBe(false);
    expect(sameAddress(written, { ...written, company: "UPS Access Point U2" })).toBe(false);
    expect(sameAddress(written, { ...written, lastName: "Smith" })).toBe(false);
    expect(sameAddress(written, { ...written, provinceCode: "NV" })).toBe(false);
    expect(sameAddress(written, null)).toBe(false);
  });

  it("formats an address on one line for the admin", () => {
    expect(formatMailingAddress(written)).toBe(
      "Ava Stone, UPS Access Point U1, 350 S Grand Ave, Store, Los Angeles CA 90071",
    );
    expect(formatMailingAddress(null)).toBe("none");
  });
});
