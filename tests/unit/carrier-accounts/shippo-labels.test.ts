import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createProvider, ProviderError, type LabelRequest } from "../../../app/services/carrier-accounts";
import { SHIPPO_FAKE_TOKEN, startShippoFake, type ShippoFake } from "../../support/fakes/shippo-fake";

// Shippo address validation, labels, tracks and refunds through the official SDK against the fake over HTTP.

let fake: ShippoFake;
beforeAll(async () => {
  fake = await startShippoFake();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const provider = () => createProvider("SHIPPO", { apiKey: SHIPPO_FAKE_TOKEN, baseUrl: fake.url });
const to = (street1: string) => ({ street1, city: "Denver", state: "CO", zip: "80202", country: "US" });
const request: LabelRequest = {
  from: { street1: "100 Main St", city: "Dallas", state: "TX", zip: "75201", country: "US" },
  to: to("1600 Blake St"),
  parcels: [{ lengthIn: 12, widthIn: 10, heightIn: 6, weightOz: 40 }],
  format: "ZPL",
  reference: "shop-a:label:1",
};

describe("Shippo address validation", () => {
  it("says deliverable, residential, ZIP+4; a PO box; and gives the reason for an invalid address", async () => {
    expect(await provider().verifyAddress(to("1600 Blake St"))).toMatchObject({
      deliverable: true,
      residential: true,
      zip4: "80202-1234",
    });
    expect(await provider().verifyAddress(to("PO Box 4410"))).toMatchObject({ poBox: true });
    expect(await provider().verifyAddress(to("1 Nowhere Rd"))).toMatchObject({
      deliverable: false,
      reason: expect.stringContaining("street address is not a match"),
    });
    expect(fake.requests.at(-1)?.body).toMatchObject({ validate: true });
  });

  it("fails with a SERVER ProviderError on 500", async () => {
    fake.behaviour.answer = 500;
    await expect(provider().verifyAddress(to("1600 Blake St"))).rejects.toMatchObject({ kind: "SERVER" });
  });
});

describe("Shippo labels", () => {
  it("buys a rate in ZPL, finds the purchase after a lost answer instead of buying again, tracks and refunds", async () => {
    const p = provider();
    const prepared = await p.prepareLabel(request);
    const rate = prepared.rates.find((r) => r.service === "usps_priority")!;
    expect(await p.findLabel({ providerRef: prepared.providerRef, rate }, request)).toBeNull();
    // WHEN the purchase happens but its answer is lost
    fake.labels.loseNextBuyAnswer = true;
    await expect(p.buyLabel({ providerRef: prepared.providerRef, rate }, request)).rejects.toBeInstanceOf(
      ProviderError,
    );
    // THEN the retry's look finds it, with the reference in its metadata
    const label = await p.findLabel({ providerRef: prepared.providerRef, rate }, request);
    expect(label?.parcels[0].labelUrl).toMatch(/\.zpl$/);
    expect(fake.labels.purchases).toEqual([rate.rateId]);
    expect(fake.labels.transactions[0]).toMatchObject({
      metadata: "shop-a:label:1",
      label_file_type: "ZPLII",
    });

    const webhook = { url: "https://app.example/api/tracking/shippo?shop=a.myshopify.com&token=t" };
    expect(await p.createTracker(label!.parcels[0].trackingCode, "USPS", webhook)).toMatchObject({
      webhookCreated: true,
    });
    expect(await p.createTracker("9400OTHER", "USPS", webhook)).toMatchObject({ webhookCreated: false });
    expect(fake.labels.webhooks).toEqual([
      expect.objectContaining({ event: "track_updated", url: webhook.url }),
    ]);
    expect(fake.labels.tracks[0]).toEqual({
      carrier: "usps",
      tracking_number: label!.parcels[0].trackingCode,
    });

    const refunded = await p.refundLabel({
      providerRef: label!.providerRef,
      parcelIds: label!.parcels.map((x) => x.providerId),
    });
    expect(refunded).toBe("SUBMITTED");
    expect(fake.labels.refunds).toEqual([label!.parcels[0].providerId]);
  });
});
