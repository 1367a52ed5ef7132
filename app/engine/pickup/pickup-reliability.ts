// Points whose parcels are often left uncollected (the hold expires and the parcel goes back at the merchant's
// cost) are recommended less: each shop sets when a point counts as "often uncollected" and how much farther such
// a point counts when the list is ranked. Pure: the counts come from the tracking model, read by the caller.

/** When a point is "often uncollected", and how it is ranked then (per shop; DEFAULT_PICKUP_RELIABILITY). */
export interface PickupReliabilityRule {
  /** Finished holds (collected + expired) a point needs before it can be flagged: fewer say nothing yet. */
  minParcels: number;
  /** A point collected in fewer than this share (%) of its finished holds is "often uncollected". */
  minPickupRatePercent: number;
  /**
   * A flagged point is ranked as if it were this many miles farther: after every point that is as near (0 = only
   * ties move), before the next ones beyond the penalty. The buyer still sees it, flagged.
   */
  penaltyMiles: number;
}

/** Sane defaults: 10 finished holds observed, fewer than 80 % collected, ranked 2 miles farther. */
export const DEFAULT_PICKUP_RELIABILITY: PickupReliabilityRule = {
  minParcels: 10,
  minPickupRatePercent: 80,
  penaltyMiles: 2,
};

/** Finished holds at one point: collected by the buyer, or expired (sent back). Open holds are not counted. */
export interface PointPickupStats {
  pickedUp: number;
  expired: number;
}

export interface PointReliability {
  /** Finished holds observed. */
  observed: number;
  /** Collected share of the finished holds, whole percent; null before any finished hold. */
  pickupRatePercent: number | null;
  oftenUncollected: boolean;
}

/**
 * Whether a point's parcels are often not collected under the shop's rule.
 *
 * @example
 * pointReliability({ pickedUp: 6, expired: 6 }, DEFAULT_PICKUP_RELIABILITY);
 * // { observed: 12, pickupRatePercent: 50, oftenUncollected: true }
 */
export function pointReliability(
  stats: PointPickupStats | undefined,
  rule: PickupReliabilityRule,
): PointReliability {
  const pickedUp = stats?.pickedUp ?? 0;
  const observed = pickedUp + (stats?.expired ?? 0);
  if (observed === 0) return { observed, pickupRatePercent: null, oftenUncollected: false };
  const share = (100 * pickedUp) / observed;
  return {
    observed,
    pickupRatePercent: Math.round(share),
    // The unrounded share decides: 79.6 % is below an 80 % threshold even though it shows as 80.
    oftenUncollected: observed >= rule.minParcels && share < rule.minPickupRatePercent,
  };
}

/**
 * Orders nearby points so that often-uncollected ones come after the points that are as near (within the rule's
 * penalty), keeping the order otherwise (stable). Each option gains its `reliability`.
 *
 * @example
 * const ranked = rankByReliability(options, statsByPointId, rule);
 * ranked[0].reliability.oftenUncollected; // false when a reliable point is about as near
 */
export function rankByReliability<T extends { point: { id: string }; distanceMiles: number }>(
  options: readonly T[],
  stats: ReadonlyMap<string, PointPickupStats>,
  rule: PickupReliabilityRule,
): (T & { reliability: PointReliability })[] {
  return options
    .map((option, index) => {
      const reliability = pointReliability(stats.get(option.point.id), rule);
      const rankMiles = option.distanceMiles + (reliability.oftenUncollected ? rule.penaltyMiles : 0);
      return { option: { ...option, reliability }, index, rankMiles };
    })
    .sort(
      (a, b) =>
        a.rankMiles - b.rankMiles ||
        Number(a.option.reliability.oftenUncollected) - Number(b.option.reliability.oftenUncollected) ||
        a.index - b.index,
    )
    .map(({ option }) => option);
}
