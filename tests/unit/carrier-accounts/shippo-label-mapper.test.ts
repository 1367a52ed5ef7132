import { describe, expect, it } from "vitest";
import {
  fromShippoRefundStatus,
  fromShippoTransactions,
  fromShippoValidatedAddress,
  shippoLabelFileType,
} from "../../../app/services/carrier-accounts/shippo/label-mapper";

// Shippo address validation and label purchases as the SDK types them (docs/carriers.md cites the shapes).

const rate = {
  rateId: "r1",
  carrierAccountId: "ca1",
  carrier: "USPS",
  service: "usps_priority",
  amountCents: 905,
  currency: "USD",
};

describe("Shippo address validation", () => {
  it("reads is_valid, is_residential and a ZIP+4; an invalid address gives Shippo's messages", () => {
    expect(
      fromShippoValidatedAddress({
        street1: "PO BOX 12",
        city: "Denver",
        state: "CO",
        zip: "80202-1234",
        country: "US",
        isResidential: true,
        validationResults: { isValid: true, messages: [] },
      } as never),
    ).toMatchObject({ deliverable: true, residential: true, zip4: "80202-1234", poBox: true });
    expect(
      fromShippoValidatedAddress({
        street1: "1 Nowhere Rd",
        zip: "80202",
        country: "US",
        validationResults: {
          isValid: false,
          messages: [
            {
              source: "USPS",
              code: "Address Not Found",
              type: "address_error",
              text: "The address as submitted could not be found.",
            },
          ],
        },
      } as never),
    ).toMatchObject({
      deliverable: false,
      residential: null,
      reason: "The address as submitted could not be found.",
    });
  });
});

describe("Shippo labels", () => {
  it("reads one label per parcel transaction, null before any succeeded, and refuses an ERROR transaction", () => {
    const ok = (id: string) => ({
      objectId: id,
      status: "SUCCESS",
      trackingNumber: `9400${id}`,
      labelUrl: `https://labels.example/${id}.pdf`,
      trackingUrlProvider: "https://tools.usps.com/x",
    });
    const label = fromShippoTransactions("shp1", rate, [ok("a"), ok("b")] as never, "PDF");
    expect(label?.parcels.map((p) => p.providerId)).toEqual(["a", "b"]);
    expect(label).toMatchObject({
      carrier: "USPS",
      amountCents: 905,
      trackingUrl: "https://tools.usps.com/x",
    });
    expect(
      fromShippoTransactions("shp1", rate, [{ objectId: "q", status: "QUEUED" }] as never, "PDF"),
    ).toBeNull();
    expect(() =>
      fromShippoTransactions(
        "shp1",
        rate,
        [{ status: "ERROR", messages: [{ text: "Rate expired" }] }] as never,
        "PDF",
      ),
    ).toThrow(/Rate expired/);
  });

  it("names ZPL as Shippo does and maps refund statuses", () => {
    expect(shippoLabelFileType("ZPL")).toBe("ZPLII");
    expect(shippoLabelFileType("PDF")).toBe("PDF_4x6");
    expect(["QUEUED", "PENDING", "SUCCESS", "ERROR"].map(fromShippoRefundStatus)).toEqual([
      "SUBMITTED",
      "SUBMITTED",
      "REFUNDED",
      "REJECTED",
    ]);
  });
});
