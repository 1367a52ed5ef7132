// The LTL class rate card CSV: class × zone (or destination ZIP3) rows in dollars per CWT, one column per weight
// break, a minimum charge; read by the same import as parcel rate cards, with line errors.
import { describe, expect, it } from "vitest";
import { csvRows, rateCardFromRows, rateCardToCsv } from "../../app/contracts/rate-card-csv";
import { demoShopConfig } from "../../app/demo/demo-shop-config";

const meta = { name: "LTL (imported)", basis: "PER_PACKAGE" as const };

describe("LTL class rate card CSV", () => {
  it("reads class × zone rates per CWT with weight breaks and a minimum into a per-shipment card", () => {
    // GIVEN two classes to zone 5 with five breaks and a $150 minimum
    const csv = [
      "class,zone,0,500,1000,2000,5000",
      "100,5,90.00,75.00,60.00,50.00,40.00",
      "250,5,205.40,168.40,139.70,113.00,92.40",
      "minimum,150.00",
    ].join("\n");
    const { card, errors } = rateCardFromRows(csvRows(csv), meta);
    // THEN the card is priced by class, per shipment
    expect(errors).toEqual([]);
    expect(card?.basis).toBe("PER_SHIPMENT");
    expect(card?.ltl).toEqual({
      breaksFromLb: [0, 500, 1000, 2000, 5000],
      minimumChargeCents: 15000,
      rows: [
        { freightClass: 100, zone: 5, centsPerCwt: [9000, 7500, 6000, 5000, 4000] },
        { freightClass: 250, zone: 5, centsPerCwt: [20540, 16840, 13970, 11300, 9240] },
      ],
    });
  });

  it("reads destination ZIP3 lanes", () => {
    const { card } = rateCardFromRows(csvRows("class,dest_zip3,0,1000\n70,945,55.00,41.25\n"), meta);
    expect(card?.ltl?.rows).toEqual([{ freightClass: 70, destZip3: "945", centsPerCwt: [5500, 4125] }]);
  });

  it("names every bad line and returns no card", () => {
    // GIVEN a rate that rises with weight, a bad price, a repeated lane, a class that is not an NMFC class
    const csv = [
      "class,zone,0,500",
      "100,5,90.00,95.00",
      "125,5,abc,80.00",
      "150,5,100.00,90.00",
      "150,5,100.00,90.00",
      "105,6,100.00,90.00",
    ].join("\n");
    const { card, errors } = rateCardFromRows(csvRows(csv), meta);
    expect(card).toBeNull();
    expect(errors.map((e) => e.line)).toEqual([2, 3, 5]);
    expect(errors[0].message).toMatch(/above the lighter break/);
    expect(errors[1].message).toMatch(/not dollars per CWT/);
    expect(errors[2].message).toMatch(/repeats line 4/);
  });

  it("rejects a class outside the 18 NMFC classes once the lines are otherwise sound", () => {
    const { card, errors } = rateCardFromRows(csvRows("class,zone,0\n100,5,90.00\n105,6,100.00\n"), meta);
    expect(card).toBeNull();
    expect(errors).toEqual([{ line: 3, message: expect.stringMatching(/expected an NMFC class/) }]);
  });

  it("refuses a header without a lane column or starting above 0 lb", () => {
    const { errors } = rateCardFromRows(csvRows("class,region,500\n100,5,90.00\n"), meta);
    expect(errors.map((e) => e.message)).toEqual([
      'the second column must be "zone" or "dest_zip3"',
      "the first weight break must start at 0 lb",
    ]);
  });

  it("exports a class card in the format it imports (the demo's SAMPLE tariff round-trips)", () => {
    // GIVEN the demo LTL service's class rates WHEN exported and imported again THEN they are unchanged
    const card = demoShopConfig.carrierServices.find((s) => s.rateCard.ltl)!.rateCard;
    const again = rateCardFromRows(csvRows(rateCardToCsv(card)), meta);
    expect(again.errors).toEqual([]);
    expect(again.card?.ltl).toEqual(card.ltl);
  });
});
