import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { billableWeight, compileShopConfig, formatDay, localNow, quote } from "../../app/engine";
import type { PackedPackage } from "../../app/engine/packing";
import { rateShipment } from "../../app/engine/rating";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { demo, demoWith, V } from "./helpers";

const SMALL_ITEMS = [V.mug, V.mugSet, V.tee, V.hoodie, V.lamp, V.watch];
const ZIPS = [
  "10001",
  "75201",
  "90012",
  "60601",
  "33101",
  "99501",
  "96813",
  "00901",
  "59001",
  "78701",
  "02108",
  "98101",
];

const cartArb = fc.array(
  fc.record({
    variantId: fc.constantFrom(...SMALL_ITEMS),
    quantity: fc.integer({ min: 1, max: 3 }),
    grams: fc.integer({ min: 1, max: 5000 }),
  }),
  { minLength: 1, maxLength: 4 },
);
const nowArb = fc.date({
  min: new Date("2026-01-01T00:00:00Z"),
  max: new Date("2027-12-31T23:59:59Z"),
  noInvalidDate: true,
});

describe("engine properties", () => {
  it("prices are never negative, dates satisfy min ≤ max and are never before now, packages fit their cartons", () => {
    fc.assert(
      fc.property(cartArb, fc.constantFrom(...ZIPS), nowArb, (lines, zip, now) => {
        // GIVEN any small cart, destination and instant
        const cart = lines.map((l) => ({ ...l, priceCents: 1500 }));
        // WHEN quoting
        const result = quote(demo, {
          cart,
          destination: { country: "US", zip, addressLines: ["1 Main St"] },
          now,
        });
        // THEN every invariant holds
        for (const q of result.quotes) {
          expect(q.totalCents).toBeGreaterThanOrEqual(0);
          expect(Number.isInteger(q.totalCents)).toBe(true);
          expect(q.delivery.minDate <= q.delivery.maxDate).toBe(true);
          const today = formatDay(localNow(now, q.delivery.timeZone).day);
          expect(q.delivery.minDate >= today).toBe(true);
          for (const s of q.shipments) {
            expect(s.baseCents).toBeGreaterThanOrEqual(0);
            for (const x of s.surcharges) expect(x.amountCents).toBeGreaterThan(0);
            for (const p of s.packages) {
              expect(p.billableLb).toBeGreaterThanOrEqual(p.actualLb);
              if (p.cartonId === null) continue;
              const carton = demoShopConfig.cartons.find((c) => c.id === p.cartonId)!;
              expect(p.weightOz).toBeLessThanOrEqual(carton.maxWeightOz + 1e-9);
              expect([p.lengthIn, p.widthIn, p.heightIn].sort((a, b) => b - a)).toEqual(
                [carton.lengthIn, carton.widthIn, carton.heightIn].sort((a, b) => b - a),
              );
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("every unit fits inside its carton and the carton's volume holds the contents", () => {
    fc.assert(
      fc.property(cartArb, (lines) => {
        const cart = lines.map((l) => ({ ...l, priceCents: 1500 }));
        const result = quote(demo, {
          cart,
          destination: { country: "US", zip: "60601", addressLines: [] },
          now: new Date("2026-06-02T12:00:00Z"),
        });
        for (const q of result.quotes) {
          for (const s of q.shipments) {
            for (const p of s.packages) {
              if (p.cartonId === null) continue;
              const carton = demoShopConfig.cartons.find((c) => c.id === p.cartonId)!;
              const cartonSides = [carton.lengthIn, carton.widthIn, carton.heightIn].sort((a, b) => b - a);
              let volume = 0;
              for (const c of p.contents) {
                const profile = demoShopConfig.productProfiles.find((x) => x.variantId === c.variantId)!;
                const sides = [profile.lengthIn, profile.widthIn, profile.heightIn].sort((a, b) => b - a);
                sides.forEach((side, i) => expect(side).toBeLessThanOrEqual(cartonSides[i]));
                volume += c.quantity * sides[0] * sides[1] * sides[2];
              }
              expect(volume).toBeLessThanOrEqual(cartonSides[0] * cartonSides[1] * cartonSides[2]);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("billable weight is never below actual weight", () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.double({ min: 0.5, max: 120, noNaN: true }),
          fc.double({ min: 0.5, max: 60, noNaN: true }),
          fc.double({ min: 0.5, max: 60, noNaN: true }),
        ),
        fc.double({ min: 0.1, max: 3000, noNaN: true }),
        fc.constantFrom(139, 166, 194, 250),
        fc.constantFrom(0, 1728),
        ([l, w, h], weightOz, dimDivisor, dimMinCubicIn) => {
          const r = billableWeight({ lengthIn: l, widthIn: w, heightIn: h }, weightOz, {
            dimDivisor,
            dimMinCubicIn,
          });
          expect(r.billableLb).toBeGreaterThanOrEqual(r.actualLb);
          expect(r.billableLb).toBeGreaterThanOrEqual(r.dimLb);
          expect(r.actualLb).toBeGreaterThanOrEqual(weightOz / 16);
        },
      ),
    );
  });

  it("adding weight never lowers a service's price", () => {
    const pkg = (sides: number[], weightOz: number): PackedPackage => ({
      cartonId: null,
      lengthIn: sides[0],
      widthIn: sides[1],
      heightIn: sides[2],
      weightOz,
      contents: [],
      units: [],
      bulky: false,
      coldChain: false,
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: demo.services.length - 1 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom("10001", "59411", "99501"),
        fc.boolean(),
        (serviceIndex, sidesRaw, weightOz, extraOz, zone, destZip, residential) => {
          // GIVEN one package, rated by one service, then the same package heavier
          const service = demo.services[serviceIndex];
          const sides = [...sidesRaw].sort((a, b) => b - a);
          const ctx = {
            destZip,
            residential,
            shipDay: 20_500,
            ...(service.config.freight ? { freightLevel: "THRESHOLD" as const } : {}),
          };
          const light = rateShipment(service, [pkg(sides, weightOz)], zone, ctx);
          const heavy = rateShipment(service, [pkg(sides, weightOz + extraOz)], zone, ctx);
          // THEN the heavier one costs at least as much (or is not eligible at all). LTL priced by class is
          // compared within a class: more weight in the same space is denser freight, which may take a lower class.
          const classes = (r: typeof light) =>
            "freight" in r ? r.freight?.handlingUnits.map((hu) => hu.freightClass).join() : undefined;
          if ("costCents" in light && "costCents" in heavy && classes(light) === classes(heavy))
            expect(heavy.costCents).toBeGreaterThanOrEqual(light.costCents);
          if ("costCents" in light) expect(light.costCents).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("splits preserve every item, whatever the stock", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 9, maxLength: 9 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
        (stock, quantities) => {
          // GIVEN random stock of mugs, tees and hoodies in the three warehouses
          const items: string[] = [V.mug, V.tee, V.hoodie];
          const config = compileShopConfig(
            demoWith((c) => {
              c.warehouses.forEach(
                (w, wi) =>
                  (w.inventory = Object.fromEntries(items.map((id, ii) => [id, stock[wi * 3 + ii]]))),
              );
            }),
          );
          const cart = items.map((variantId, i) => ({
            variantId,
            quantity: quantities[i],
            grams: 300,
            priceCents: 1000,
          }));
          // WHEN quoting
          const result = quote(config, {
            cart,
            destination: { country: "US", zip: "64105", addressLines: [] },
            now: new Date("2026-03-03T12:00:00Z"),
          });
          // THEN each quote ships exactly the cart, never more than a warehouse holds
          for (const q of result.quotes) {
            const shipped = new Map<string, number>();
            for (const s of q.shipments) {
              const wi = demoShopConfig.warehouses.findIndex((w) => w.id === s.warehouseId);
              const fromHere = new Map<string, number>();
              for (const p of s.packages)
                for (const c of p.contents)
                  fromHere.set(c.variantId!, (fromHere.get(c.variantId!) ?? 0) + c.quantity);
              for (const [id, n] of fromHere) {
                expect(n).toBeLessThanOrEqual(stock[wi * 3 + items.indexOf(id)]);
                shipped.set(id, (shipped.get(id) ?? 0) + n);
              }
            }
            expect(Object.fromEntries(shipped)).toEqual(
              Object.fromEntries(items.map((id, i) => [id, quantities[i]])),
            );
          }
          const covered = items.every(
            (_, ii) => [0, 1, 2].reduce((n, wi) => n + stock[wi * 3 + ii], 0) >= quantities[ii],
          );
          if (!covered) expect(result.issues.map((i) => i.code)).toContain("OUT_OF_STOCK");
        },
      ),
      { numRuns: 40 },
    );
  });
});
