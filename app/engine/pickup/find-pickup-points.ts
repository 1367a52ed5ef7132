import { greatCircleMiles, lookupZip } from "../geo";
import { evaluateNetwork, pickupCartFacts, pickupDestination } from "./eligibility";
import { PICKUP_NETWORK_LABELS } from "./network-rules";
import type { PickupPointIndex } from "./point-index";
import type {
  NetworkEligibility,
  PickupExclusion,
  PickupNetwork,
  PickupNetworkRule,
  PickupOption,
  PickupPointRecord,
  PickupQueryInput,
  PickupQueryResult,
} from "./types";
import type { ShopConfig, TierCode } from "../types";

type Eligible = Extract<NetworkEligibility, { eligible: true }>;

/**
 * The pickup points a buyer may choose for this cart and address: each network's rules are checked once
 * (`evaluateNetwork`), then the kd-tree returns the nearest points of the eligible networks within each
 * network's max distance of the destination ZIP's centroid. Networks that are out come back in `excluded`
 * with the reason.
 *
 * @example
 * const { options, excluded } = findPickupOptions(config, rules, index, { cart, destination, now });
 * options[0].point.name; // nearest eligible point
 */
export function findPickupOptions(
  config: ShopConfig,
  rules: readonly PickupNetworkRule[],
  index: PickupPointIndex,
  input: PickupQueryInput,
): PickupQueryResult {
  const zip = input.destination.country === "US" ? lookupZip(input.destination.zip) : undefined;
  if (!zip)
    return {
      options: [],
      excluded: [],
      problem: { code: "UNKNOWN_DESTINATION", message: "The address is not a known US ZIP code" },
    };
  if (input.cart.length === 0)
    return { options: [], excluded: [], problem: { code: "EMPTY_CART", message: "The cart is empty" } };

  const quoteInput = { ...input, destination: { ...input.destination, residential: false } };
  const facts = pickupCartFacts(config, input.cart, input.orderValueCents);
  const excluded: PickupExclusion[] = [];
  const eligible = new Map<PickupNetwork, Eligible>();
  for (const rule of rules) {
    const result = evaluateNetwork(config, rule, quoteInput, facts);
    if (result.eligible) eligible.set(rule.network, result);
    else excluded.push(...result.exclusions);
  }
  if (eligible.size === 0) return { options: [], excluded };

  const maxMiles = Math.max(...[...eligible.values()].map((e) => e.rule.maxDistanceMiles));
  const within = (p: PickupPointRecord) => {
    const e = eligible.get(p.network);
    return !!e && greatCircleMiles(zip, p) <= e.rule.maxDistanceMiles;
  };
  const options: PickupOption[] = index
    .nearest(zip, input.limit ?? 10, maxMiles, within)
    .map(({ point, distanceMiles }) => {
      const { rule, plan } = eligible.get(point.network)!;
      return {
        point,
        distanceMiles,
        carrier: plan.carrier,
        serviceName: plan.serviceName,
        holdDays: rule.holdDays,
        holdDaysKind: rule.holdDaysKind,
      };
    });
  for (const { rule } of eligible.values()) {
    if (options.some((o) => o.point.network === rule.network)) continue;
    const near = index.nearest(zip, 1, rule.maxDistanceMiles, (p) => p.network === rule.network);
    if (near.length === 0)
      excluded.push({
        network: rule.network,
        code: "NONE_NEARBY",
        message: `${PICKUP_NETWORK_LABELS[rule.network]}: no location within ${rule.maxDistanceMiles} mi`,
      });
  }
  return { options, excluded };
}

/** The outcome of re-checking a buyer's earlier choice (order routing). */
export type PickupChoiceCheck =
  | { eligible: true; eligibility: Eligible; distanceMiles: number | null }
  | { eligible: false; exclusions: PickupExclusion[] };

/**
 * Re-checks a chosen point for an order: the network's rules with the parcel addressed to the point itself,
 * and the distance from the buyer's address (skipped when that ZIP is unknown). The tier the buyer paid for is
 * kept when the network's carrier offers it.
 *
 * @example
 * checkPickupChoice(config, rule, point, { cart, destination, now }).eligible;
 */
export function checkPickupChoice(
  config: ShopConfig,
  rule: PickupNetworkRule,
  point: PickupPointRecord,
  input: Omit<PickupQueryInput, "limit">,
  preferredTier?: TierCode,
): PickupChoiceCheck {
  const result = evaluateNetwork(
    config,
    rule,
    { ...input, destination: pickupDestination(point) },
    undefined,
    preferredTier,
  );
  if (!result.eligible) return { eligible: false, exclusions: result.exclusions };
  const buyer = lookupZip(input.destination.zip);
  const distanceMiles = buyer ? greatCircleMiles(buyer, point) : null;
  if (distanceMiles !== null && distanceMiles > rule.maxDistanceMiles)
    return {
      eligible: false,
      exclusions: [
        {
          network: rule.network,
          code: "NONE_NEARBY",
          message: `${point.name} is ${distanceMiles.toFixed(1)} mi from the shipping address (max ${rule.maxDistanceMiles} mi)`,
        },
      ],
    };
  return { eligible: true, eligibility: result, distanceMiles };
}
