import { z } from "zod";
import {
  DeliveryModeSchema,
  IsoDateSchema,
  ServiceTierSchema,
  DIMENSION_UNITS,
  FreightLevelSchema,
  TierCodeSchema,
  UnitsSchema,
  WarehouseConfigSchema,
  WEIGHT_UNITS,
  ZipSchema,
} from "./shop-config";

/**
 * A number input: "enter …" when empty, "enter a number" when not one; range errors keep zod's own message
 * ("Too small: expected number to be >0").
 */
const numberField = (whenEmpty: string) =>
  z.number({
    error: (issue) =>
      issue.input === undefined ? whenEmpty : issue.code === "invalid_type" ? "enter a number" : undefined,
  });

// The admin's forms, built from the same schemas `tailroute quote --config` and the configuration import use,
// so a value the admin accepts is a value the engine accepts.

/**
 * Warehouse create/edit (app/routes/app.warehouses.$id.tsx). A warehouse offering freight names the final-mile
 * levels it can arrange (at least one); without freight the list is ignored.
 */
export const WarehouseForm = WarehouseConfigSchema.omit({ inventory: true, freightLevels: true })
  .extend({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lowercase letters, digits and dashes (e.g. dallas-tx)"),
    cutoffLocalTime: z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, "expected HH:MM (24-hour)"),
    handlingDays: numberField("enter a whole number of days").int().min(0).max(30),
    shopifyLocationId: z
      .string()
      .regex(/^gid:\/\/shopify\/Location\/\d+$/, "pick a Shopify location")
      .nullable(),
    active: z.boolean(),
    freightLevels: z.array(FreightLevelSchema),
  })
  .refine((w) => !w.modes.includes("FREIGHT") || w.freightLevels.length > 0, {
    message: "a warehouse offering freight needs at least one service level",
    path: ["freightLevels"],
  });
export type WarehouseForm = z.infer<typeof WarehouseForm>;

/** Freight final-mile levels, in the order the admin shows them. */
export const FREIGHT_LEVELS = FreightLevelSchema.options;

const Percent = numberField("enter a number").min(0).max(100);

/** A peak-season window; a window that ends before it starts is refused. */
const PeakWindow = z
  .object({ from: IsoDateSchema, to: IsoDateSchema })
  .refine((w) => w.from <= w.to, "a window ends before it starts");

/** Carrier service settings (app/routes/app.carriers.$id.tsx). Rate cards have their own CSV import. */
export const CarrierServiceForm = z.object({
  name: z.string().min(1, "enter a name"),
  enabled: z.boolean(),
  tier: ServiceTierSchema,
  dimDivisor: numberField("enter a number").int().positive().max(1000),
  dimMinCubicIn: numberField("enter a number").int().nonnegative(),
  maxWeightLb: numberField("enter a number").positive(),
  maxLongestIn: numberField("enter a number").positive(),
  maxLengthPlusGirthIn: numberField("enter a number").positive(),
  fuelPercent: Percent,
  peakWindows: z.array(PeakWindow),
  peakCents: numberField("enter an amount").int().nonnegative(),
  federalHolidays: z.enum(["ALL", "NONE"]),
  extraClosedDates: z.array(IsoDateSchema),
  warehouseKeys: z.array(z.string().min(1)),
  /** This service's own markup; both null = the shop's markup (Routing page) applies. */
  markupPercent: numberField("enter a percentage").min(-100).max(1000).nullable(),
  markupFixedCents: numberField("enter an amount").int().min(-100_000).max(100_000).nullable(),
});
export type CarrierServiceForm = z.infer<typeof CarrierServiceForm>;

/** The buyer-facing tier codes, in checkout order (fallback rates are set per tier): the engine's tier table's. */
export { TIER_CODES } from "../format/tiers";

/** Routing strategy, markup, fallback rates and the remote-area ZIP list (app/routes/app.routing.tsx). */
export const RoutingForm = z.object({
  kind: z.enum(["CHEAPEST", "FASTEST", "BALANCED"]),
  costTargetPercent: numberField("enter a percentage").min(0).max(100).nullable(),
  centsPerDay: numberField("enter an amount").nonnegative().nullable(),
  markupPercent: numberField("enter a percentage").min(-100).max(1000),
  markupFixedCents: numberField("enter an amount").int(),
  fallbackRates: z.array(
    z.object({ serviceCode: TierCodeSchema, priceCents: z.number().int().nonnegative() }),
  ),
  remoteAreaZips: z.array(z.string().regex(/^\d{3}(\d{2})?$/, "expected a ZIP3 or 5-digit ZIP")).nullable(),
  remoteAreaCents: numberField("enter an amount").int().nonnegative(),
  /** Freight only from this cart weight (pounds; the page converts from the shop's unit); null = no rule. */
  freightFromCartWeightLb: numberField("enter a weight").positive().max(100_000).nullable(),
  /** Freight only from this many parcels; null = no rule. */
  freightFromParcels: numberField("enter a number of parcels").int().min(1).max(1000).nullable(),
});
export type RoutingForm = z.infer<typeof RoutingForm>;

export { WEIGHT_UNITS, DIMENSION_UNITS };

/** Display units (app/routes/app.settings.tsx); the configuration file's `units` section. */
export const UnitsForm = UnitsSchema;
export type UnitsForm = z.infer<typeof UnitsForm>;

/** Product dimension profile for one variant, in inches and ounces (app/routes/app.products.tsx). */
export const ProductProfileForm = z.object({
  variantId: z.string().regex(/^\d+$/, "pick a variant"),
  sku: z.string().optional(),
  name: z.string().min(1, "enter a name"),
  lengthIn: numberField("enter a length").positive(),
  widthIn: numberField("enter a width").positive(),
  heightIn: numberField("enter a height").positive(),
  weightOz: numberField("enter a weight").nonnegative().optional(),
  fragile: z.boolean(),
  valuable: z.boolean(),
  coldChain: z.boolean(),
  bulky: z.boolean(),
  shipAlone: z.boolean(),
});
export type ProductProfileForm = z.infer<typeof ProductProfileForm>;

/** Rate simulator: a destination and a cart (app/routes/app.simulator.tsx). */
export const SimulatorForm = z.object({
  zip: ZipSchema,
  state: z
    .string()
    .regex(/^([A-Z]{2})?$/, "two-letter state code")
    .optional(),
  address1: z.string().max(255, "at most 255 characters").optional(),
  lines: z
    .array(z.object({ variantId: z.string().regex(/^\d+$/), quantity: z.number().int().min(1).max(999) }))
    .min(1, "add at least one product"),
});
export type SimulatorForm = z.infer<typeof SimulatorForm>;

/** Order log filters (app/routes/app.orders._index.tsx). */
export const OrderFilters = z.object({
  status: z
    .enum(["PENDING", "APPLIED", "FAILED", "UNROUTABLE", "NEEDS_INPUT", "SUPERSEDED", "CANCELLED"])
    .optional()
    .catch(undefined),
  warehouse: z.string().min(1).optional().catch(undefined),
  mode: DeliveryModeSchema.optional().catch(undefined),
});
export type OrderFilters = z.infer<typeof OrderFilters>;
