import { sortedDims } from "../packing";
import { formatDollars } from "../rating/money";
import type { CartLine, Destination, ProductProfile, QuoteInput, ShopConfig, TierCode } from "../types";
import { carrierPlanFor } from "./carrier-plan";
import { PICKUP_NETWORK_LABELS } from "./network-rules";
import type {
  NetworkEligibility,
  PickupCarrierPlan,
  PickupExclusion,
  PickupExclusionCode,
  PickupNetworkRule,
} from "./types";

/** What the cart-level rules look at. */
export interface PickupCartFacts {
  valueCents: number;
  fragile: string[];
  valuable: string[];
  coldChain: string[];
}

type CartRule = {
  code: PickupExclusionCode;
  /** A message when the rule excludes the network, else null. */
  check: (rule: PickupNetworkRule, facts: PickupCartFacts) => string | null;
};
type PlanRule = {
  code: PickupExclusionCode;
  check: (rule: PickupNetworkRule, plan: PickupCarrierPlan) => string | null;
};

const listed = (names: string[]) => names.slice(0, 3).join(", ") + (names.length > 3 ? "…" : "");

/** Rules decided by the merchant's settings and the cart alone, in the order they are reported. */
export const CART_RULES: readonly CartRule[] = [
  { code: "NETWORK_DISABLED", check: (r) => (r.enabled ? null : "not offered by this shop") },
  {
    code: "PRODUCT_NOT_ALLOWED",
    check: (r, f) => {
      const banned = [
        ...(r.excludeValuable ? f.valuable : []),
        ...(r.excludeFragile ? f.fragile : []),
        ...(r.excludeColdChain ? f.coldChain : []),
      ];
      return banned.length ? `not for valuable, fragile or cold-chain items (${listed(banned)})` : null;
    },
  },
  {
    code: "VALUE_OVER_CAP",
    check: (r, f) =>
      r.maxValueCents !== null && f.valueCents >= r.maxValueCents
        ? `order value ${formatDollars(f.valueCents)} is not under ${formatDollars(r.maxValueCents)}`
        : null,
  },
];

/** Over a limit: strictly above for "at most" limits, at or above for "under" limits (rule.strictLimits). */
const over = (rule: PickupNetworkRule, value: number, limit: number) =>
  rule.strictLimits ? value >= limit : value > limit;
const limitText = (rule: PickupNetworkRule, limit: string) => (rule.strictLimits ? `under ${limit}` : limit);

/** Rules on how the network's own carrier would pack and ship the cart. */
export const PLAN_RULES: readonly PlanRule[] = [
  {
    code: "PARCEL_TOO_HEAVY",
    check: (r, plan) => {
      const heaviestLb = Math.max(...plan.packages.map((p) => p.weightOz)) / 16;
      return over(r, heaviestLb, r.maxWeightLb)
        ? `a parcel weighs ${heaviestLb.toFixed(1)} lb, limit ${limitText(r, `${r.maxWeightLb} lb`)}`
        : null;
    },
  },
  {
    code: "PARCEL_TOO_LARGE",
    check: (r, plan) => {
      for (const p of plan.packages) {
        const dims = sortedDims(p);
        const label = `${dims[0]}×${dims[1]}×${dims[2]} in`;
        if (over(r, dims[0], r.maxLongestIn))
          return `a parcel of ${label} exceeds the ${limitText(r, `${r.maxLongestIn} in`)} longest side`;
        const max = r.maxDimensionsIn;
        if (max && dims.some((d, i) => over(r, d, max[i])))
          return `a parcel of ${label} does not fit ${limitText(r, `${max[0]}×${max[1]}×${max[2]} in`)}`;
        const lengthPlusGirth = dims[0] + 2 * (dims[1] + dims[2]);
        if (r.maxLengthPlusGirthIn != null && over(r, lengthPlusGirth, r.maxLengthPlusGirthIn))
          return `a parcel of ${label} measures ${lengthPlusGirth} in length + girth, limit ${r.maxLengthPlusGirthIn} in`;
      }
      return null;
    },
  },
];

function profileLookup(profiles: readonly ProductProfile[]) {
  const byVariant = new Map(profiles.filter((p) => p.variantId).map((p) => [p.variantId!, p]));
  const bySku = new Map(profiles.filter((p) => p.sku).map((p) => [p.sku!, p]));
  return (line: CartLine) =>
    (line.variantId ? byVariant.get(line.variantId) : undefined) ??
    (line.sku ? bySku.get(line.sku) : undefined);
}

/**
 * Value and handling flags of a cart, from the shop's product profiles.
 *
 * @example
 * pickupCartFacts(config, [{ variantId: "1", quantity: 2, grams: 0, priceCents: 500 }]).valueCents; // 1000
 */
export function pickupCartFacts(
  config: ShopConfig,
  cart: readonly CartLine[],
  orderValueCents?: number,
): PickupCartFacts {
  const lookup = profileLookup(config.productProfiles);
  const facts: PickupCartFacts = {
    valueCents: orderValueCents ?? cart.reduce((s, l) => s + l.priceCents * l.quantity, 0),
    fragile: [],
    valuable: [],
    coldChain: [],
  };
  for (const line of cart) {
    const profile = lookup(line);
    const name = profile?.name ?? line.name ?? line.sku ?? line.variantId ?? "item";
    if (profile?.fragile) facts.fragile.push(name);
    if (profile?.valuable) facts.valuable.push(name);
    if (profile?.coldChain) facts.coldChain.push(name);
  }
  return facts;
}

const exclusion = (rule: PickupNetworkRule, code: PickupExclusionCode, why: string): PickupExclusion => ({
  network: rule.network,
  code,
  message: `${PICKUP_NETWORK_LABELS[rule.network]}: ${why}`,
});

/**
 * Decides whether one network may receive this cart: the cart rules first (settings, product flags, value),
 * then how the network's carrier would ship it (from the warehouse the engine picks for that carrier) and
 * whether those packed parcels fit. Every failing cart rule is reported; the plan rules run only when the
 * cart rules pass.
 *
 * @example
 * evaluateNetwork(config, DEFAULT_PICKUP_RULES.UPS_ACCESS_POINT, { cart, destination, now }).eligible;
 */
export function evaluateNetwork(
  config: ShopConfig,
  rule: PickupNetworkRule,
  input: QuoteInput,
  facts = pickupCartFacts(config, input.cart, input.orderValueCents),
  preferredTier?: TierCode,
): NetworkEligibility {
  const exclusions: PickupExclusion[] = [];
  for (const r of CART_RULES) {
    const why = r.check(rule, facts);
    if (why) exclusions.push(exclusion(rule, r.code, why));
  }
  if (exclusions.length) return { network: rule.network, eligible: false, exclusions };
  const plan = carrierPlanFor(config, rule.carrier, input, preferredTier);
  if (!plan) {
    const why = `no ${rule.carrier} service can ship this cart from the shop's warehouses`;
    return {
      network: rule.network,
      eligible: false,
      exclusions: [exclusion(rule, "CARRIER_CANNOT_SERVE", why)],
    };
  }
  for (const r of PLAN_RULES) {
    const why = r.check(rule, plan);
    if (why) exclusions.push(exclusion(rule, r.code, why));
  }
  if (exclusions.length) return { network: rule.network, eligible: false, exclusions };
  return { network: rule.network, eligible: true, rule, plan };
}

/** The parcel travels to the pickup point, a commercial address. */
export function pickupDestination(point: {
  address1: string;
  city: string;
  province: string;
  zip: string;
}): Destination {
  return {
    country: "US",
    zip: point.zip,
    state: point.province,
    city: point.city,
    addressLines: [point.address1],
    residential: false,
  };
}
