import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createProvider, ProviderError, type LabelRequest } from "../../../app/services/carrier-accounts";
import { EASYPOST_FAKE_KEY, startEasyPostFake, type EasyPostFake } from "../../support/fakes/easypost-fake";

// EasyPost address checks, labels, trackers and refunds through the official SDK against the fake over HTTP.

let fake: EasyPostFake;
beforeAll(async () => {
  fake = await startEasyPostFake();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const provider = () => createProvider("EASYPOST", { apiKey: EASYPOST_FAKE_KEY, baseUrl: fake.baseUrl });
const to = (street1: string) => ({ street1, city: "Denver", state: "CO", zip: "80202", country: "US" });
const request = (parcels = 1, format: "PDF" | "ZPL" = "PDF"): LabelRequest => ({
  from: { street1: "100 Main St", city: "Dallas", state: "TX", zip: "75201", country: "US" },
  to: to("1600 Blake St"),
  parcels: Array.from({ length: parcels }, () => ({ lengthIn: 12, widthIn: 10, heightIn: 6, weightOz: 40 })),
  format,
  reference: "shop-a:label:1",
});

describe("EasyPost address check", () => {
  it("says a house is deliverable, residential, with its ZIP+4", async () => {
    // GIVEN a residential street WHEN it is verified
    const check = await provider().verifyAddress(to("1600 Blake St"));
    // THEN it is deliverable and residential, with the ZIP+4 EasyPost returned
    expect(check).toMatchObject({ deliverable: true, residential: true, zip4: "80202-1234", poBox: false });
    expect(fake.requests.at(-1)?.body).toMatchObject({ verify: true, address: { street1: "1600 Blake St" } });
  });

  it("says a suite is commercial and a PO box is a PO box", async () => {
    expect(await provider().verifyAddress(to("1600 Blake St Suite 200"))).toMatchObject({
      residential: false,
    });
    expect(await provider().verifyAddress(to("PO Box 4410"))).toMatchObject({
      deliverable: true,
      poBox: true,
    });
  });

  it("gives the carrier's reason for an undeliverable address", async () => {
    const check = await provider().verifyAddress(to("1 Nowhere Rd"));
    expect(check).toMatchObject({
      deliverable: false,
      reason: "Address not found",
      zip4: null,
      corrected: null,
    });
  });

  it("fails with a SERVER ProviderError when EasyPost answers 500", async () => {
    fake.behaviour.answer = 500;
    await expect(provider().verifyAddress(to("1600 Blake St"))).rejects.toMatchObject({
      name: "ProviderError",
      kind: "SERVER",
    });
  });
});

describe("EasyPost labels", () => {
  it("buys one rate of a prepared shipment: tracking code, PDF label URL, tracking page", async () => {
    // GIVEN a prepared (rated, unbought) shipment
    const p = provider();
    const prepared = await p.prepareLabel(request());
    const ground = prepared.rates.find((r) => r.service === "Ground")!;
    expect(await p.findLabel({ providerRef: prepared.providerRef, rate: ground }, request())).toBeNull();
    // WHEN its UPS Ground rate is bought
    const label = await p.buyLabel({ providerRef: prepared.providerRef, rate: ground }, request());
    // THEN the label carries the purchase, and the fake saw exactly one purchase
    expect(label).toMatchObject({
      carrier: "UPS",
      service: "Ground",
      format: "PDF",
      amountCents: ground.amountCents,
    });
    expect(label.parcels).toHaveLength(1);
    expect(label.parcels[0].labelUrl).toMatch(/\.pdf$/);
    expect(label.trackingUrl).toContain(label.parcels[0].trackingCode);
    expect(fake.labels.purchases.filter((x) => x.id === prepared.providerRef)).toHaveLength(1);
    expect(fake.labels.created.get(prepared.providerRef)).toMatchObject({ reference: "shop-a:label:1" });
  });

  it("buys a multi-parcel order as one label per parcel, in ZPL", async () => {
    const p = provider();
    const prepared = await p.prepareLabel(request(3, "ZPL"));
    expect(prepared.providerRef).toMatch(/^order_/);
    const rate = prepared.rates.find((r) => r.service === "Priority")!;
    const label = await p.buyLabel({ providerRef: prepared.providerRef, rate }, request(3, "ZPL"));
    expect(label.parcels.map((x) => x.labelUrl.endsWith(".zpl"))).toEqual([true, true, true]);
    expect(new Set(label.parcels.map((x) => x.trackingCode)).size).toBe(3);
  });

  it("finds the purchase of an attempt whose answer was lost, and a second buy is refused", async () => {
    // GIVEN a buy that EasyPost carried out but whose answer was lost (500 after buying)
    const p = provider();
    const prepared = await p.prepareLabel(request());
    const rate = prepared.rates[0];
    const before = fake.labels.purchases.length;
    fake.labels.loseNextBuyAnswer = true;
    await expect(p.buyLabel({ providerRef: prepared.providerRef, rate }, request())).rejects.toBeInstanceOf(
      ProviderError,
    );
    // WHEN the retry reads the prepared shipment first
    const found = await p.findLabel({ providerRef: prepared.providerRef, rate }, request());
    // THEN it finds the label bought by the first attempt; buying again would be refused by EasyPost
    expect(found?.parcels[0].trackingCode).toBe(fake.labels.purchases.at(-1)!.trackingCodes[0]);
    await expect(p.buyLabel({ providerRef: prepared.providerRef, rate }, request())).rejects.toMatchObject({
      kind: "INVALID",
    });
    expect(fake.labels.purchases).toHaveLength(before + 1);
  });

  it("registers the tracking webhook once and a tracker per code; refunds a label", async () => {
    const p = provider();
    const webhook = {
      url: "https://app.example/api/tracking/easypost?shop=a.myshopify.com",
      secret: "s3cret",
    };
    expect(await p.createTracker("1ZAAA", "UPS", webhook)).toMatchObject({ webhookCreated: true });
    expect(await p.createTracker("1ZBBB", "UPS", webhook)).toMatchObject({ webhookCreated: false });
    expect(fake.labels.webhooks).toEqual([
      expect.objectContaining({ url: webhook.url, webhook_secret: "s3cret" }),
    ]);
    expect(fake.labels.trackers.map((t) => t.tracking_code)).toEqual(["1ZAAA", "1ZBBB"]);

    const prepared = await p.prepareLabel(request());
    const label = await p.buyLabel({ providerRef: prepared.providerRef, rate: prepared.rates[0] }, request());
    const status = await p.refundLabel({
      providerRef: label.providerRef,
      parcelIds: label.parcels.map((x) => x.providerId),
    });
    expect(status).toBe("SUBMITTED");
    expect(fake.labels.refunds).toEqual([prepared.providerRef]);
  });
});
