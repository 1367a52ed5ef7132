import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { greatCircleMiles } from "../../app/engine/geo";
import { PickupPointIndex, type PickupPointRecord } from "../../app/engine/pickup";

const record = (
  i: number,
  lat: number,
  lng: number,
  network: PickupPointRecord["network"],
): PickupPointRecord => ({
  id: `p${i}`,
  network,
  externalId: `p${i}`,
  name: `p${i}`,
  address1: "1 Main St",
  city: "X",
  province: "CA",
  zip: "90012",
  lat,
  lng,
  hours: "",
});

const NETWORKS = [
  "AMAZON_LOCKER",
  "UPS_ACCESS_POINT",
  "FEDEX_HOLD_AT_LOCATION",
  "USPS_HOLD_FOR_PICKUP",
] as const;
// Points and queries over the contiguous US, where the directory lives.
const lat = fc.double({ min: 24, max: 49, noNaN: true });
const lng = fc.double({ min: -125, max: -66, noNaN: true });
const pointArb = fc.record({ lat, lng, network: fc.constantFrom(...NETWORKS) });

describe("nearest pickup point search (kdbush + geokdbush)", () => {
  it("returns exactly the brute-force k nearest within the radius, in distance order, honouring the filter", () => {
    fc.assert(
      fc.property(
        fc.array(pointArb, { minLength: 0, maxLength: 300 }),
        fc.record({ lat, lng }),
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 1, max: 2000, noNaN: true }),
        fc.constantFrom(...NETWORKS),
        (raw, origin, k, maxMiles, excluded) => {
          // GIVEN a random directory and query
          const points = raw.map((p, i) => record(i, p.lat, p.lng, p.network));
          const index = new PickupPointIndex(points);
          const keep = (p: PickupPointRecord) => p.network !== excluded;
          // WHEN the index is searched
          const found = index.nearest(origin, k, maxMiles, keep);
          // THEN it matches sorting every point by great-circle distance
          const brute = points
            .filter(keep)
            .map((p) => ({ p, d: greatCircleMiles(origin, p) }))
            .filter((x) => x.d <= maxMiles)
            .sort((a, b) => a.d - b.d)
            .slice(0, k);
          expect(found.length).toBe(brute.length);
          found.forEach((f, i) => {
            // Ties may come back in either order: compare distances, and that each id is a true neighbour.
            expect(f.distanceMiles).toBeCloseTo(brute[i].d, 6);
            expect(keep(f.point)).toBe(true);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("an empty directory answers nothing", () => {
    // GIVEN no points WHEN searched THEN an empty list, no exception
    expect(new PickupPointIndex([]).nearest({ lat: 34, lng: -118 }, 5, 100)).toEqual([]);
  });
});
