import { z } from "zod";
import type { TierCode as EngineTierCode, ShopConfig } from "../engine/types";
import { TIER_CODES } from "../format/tiers";
import { PickupNetworkSettingsSchema } from "./pickup-settings";

// JSON form of the engine's ShopConfig. The engine's interfaces (app/engine/types.ts) are the source of truth;
// `satisfies z.ZodType<ShopConfig>` makes the compiler reject any drift between the two.

const Cents = z.number().int().nonnegative();
const PositiveInches = z.number().positive();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const DeliveryMode = z.enum(["EXPRESS_PARCEL", "POSTAL", "FREIGHT"]);
const ServiceTier = z.enum(["EXPRESS", "STANDARD", "ECONOMY", "FREIGHT"]);
const FreightLevel = z.enum(["THRESHOLD", "ROOM_OF_CHOICE", "WHITE_GLOVE"]);
// The engine's tier table is the one list of tier codes.
const TierCode = z.enum(TIER_CODES as [EngineTierCode, ...EngineTierCode[]]);
const StateCode = z.string().regex(/^[A-Z]{2}$/, "expected a two-letter state code");
const Zip = z.string().regex(/^\d{5}(-\d{4})?$/, "expected a 5-digit ZIP");

export const WEIGHT_UNITS = ["LB", "OZ", "KG", "G"] as const;
export const DIMENSION_UNITS = ["IN", "CM"] as const;
/** Display units of the admin (stored values stay ounces and inches). */
const UnitsSchema = z.object({ weightUnit: z.enum(WEIGHT_UNITS), dimensionUnit: z.enum(DIMENSION_UNITS) });

const Dimensions = { lengthIn: PositiveInches, widthIn: PositiveInches, heightIn: PositiveInches };

const PostalAddress = z.object({
  address1: z.string().optional(),
  city: z.string().min(1),
  state: StateCode,
  zip: Zip,
  country: z.literal("US"),
});

const Warehouse = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  address: PostalAddress,
  timeZone: z.string().min(1),
  cutoffLocalTime: z.string().regex(/^\d{1,2}:\d{2}$/, "expected HH:MM"),
  handlingDays: z.number().int().nonnegative(),
  modes: z.array(DeliveryMode).min(1),
  inventory: z.record(z.string(), z.number().int().nonnegative()).optional(),
  freightLevels: z.array(FreightLevel).min(1, "offer at least one freight service level").optional(),
  active: z.boolean().optional(),
});

const SurchargeAmount = z.object({ per: z.enum(["PACKAGE", "SHIPMENT"]), cents: Cents });

const SurchargeRule = z.discriminatedUnion("code", [
  z.object({ code: z.literal("RESIDENTIAL"), amount: SurchargeAmount }),
  z.object({
    code: z.enum(["DELIVERY_AREA", "EXTENDED_DELIVERY_AREA", "REMOTE_AREA"]),
    zips: z.array(z.string().regex(/^\d{3}(\d{2})?$/, "expected a ZIP3 or 5-digit ZIP")),
    amount: SurchargeAmount,
    source: z.string().max(200).optional(),
  }),
  z.object({
    code: z.literal("ADDITIONAL_HANDLING"),
    longestOverIn: z.number().positive(),
    secondLongestOverIn: z.number().positive(),
    lengthPlusGirthOverIn: z.number().positive(),
    actualWeightOverLb: z.number().positive(),
    amount: SurchargeAmount,
  }),
  z.object({
    code: z.literal("LARGE_PACKAGE"),
    longestOverIn: z.number().positive(),
    lengthPlusGirthOverIn: z.number().positive(),
    minBillableLb: z.number().int().nonnegative(),
    amount: SurchargeAmount,
  }),
  z.object({
    code: z.literal("PEAK"),
    windows: z.array(z.object({ from: IsoDate, to: IsoDate })),
    amount: SurchargeAmount,
  }),
  z.object({
    code: z.enum(["LIFTGATE", "APPOINTMENT", "INSIDE_DELIVERY", "WHITE_GLOVE"]),
    levels: z.array(FreightLevel).min(1),
    amount: SurchargeAmount,
  }),
  z.object({
    code: z.literal("LIMITED_ACCESS"),
    zips: z.array(z.string().regex(/^\d{3}(\d{2})?$/, "expected a ZIP3 or 5-digit ZIP")),
    amount: SurchargeAmount,
  }),
]);

/** The 18 NMFC classes (an item's own class; the density scale yields 13 of them). */
const NmfcClass = z
  .number()
  .refine(
    (c) => [50, 55, 60, 65, 70, 77.5, 85, 92.5, 100, 110, 125, 150, 175, 200, 250, 300, 400, 500].includes(c),
    "expected an NMFC class: 50, 55, 60, 65, 70, 77.5, 85, 92.5, 100, 110, 125, 150, 175, 200, 250, 300, 400 or 500",
  );
const Zip3 = z.string().regex(/^\d{3}$/, "expected a 3-digit ZIP prefix");

const LtlClassRates = z
  .object({
    breaksFromLb: z.array(z.number().int().nonnegative()).min(1),
    rows: z
      .array(
        z
          .object({
            freightClass: NmfcClass,
            zone: z.number().int().positive().optional(),
            destZip3: Zip3.optional(),
            centsPerCwt: z.array(Cents).min(1),
          })
          .refine((r) => (r.zone === undefined) !== (r.destZip3 === undefined), "give a zone or a destZip3"),
      )
      .min(1),
    minimumChargeCents: Cents,
  })
  .superRefine((ltl, ctx) => {
    if (ltl.breaksFromLb[0] !== 0)
      ctx.addIssue({
        code: "custom",
        path: ["breaksFromLb", 0],
        message: "the first weight break starts at 0 lb",
      });
    ltl.breaksFromLb.forEach((b, i) => {
      if (i > 0 && b <= ltl.breaksFromLb[i - 1])
        ctx.addIssue({ code: "custom", path: ["breaksFromLb", i], message: "weight breaks must ascend" });
    });
    ltl.rows.forEach((row, i) => {
      if (row.centsPerCwt.length !== ltl.breaksFromLb.length)
        ctx.addIssue({
          code: "custom",
          path: ["rows", i, "centsPerCwt"],
          message: `expected ${ltl.breaksFromLb.length} rates (one per weight break)`,
        });
      row.centsPerCwt.forEach((c, j) => {
        if (j > 0 && c > row.centsPerCwt[j - 1])
          ctx.addIssue({
            code: "custom",
            path: ["rows", i, "centsPerCwt", j],
            message: "a rate per CWT must not rise with weight",
          });
      });
    });
  });

const RateCard = z
  .object({
    name: z.string().min(1),
    basis: z.enum(["PER_PACKAGE", "PER_SHIPMENT"]),
    // May be empty only on a card priced by LTL class rates.
    zones: z.array(z.number().int().positive()),
    breaks: z.array(z.object({ maxLb: z.number().positive(), cents: z.array(Cents) })),
    overLastBreakCentsPerLb: z.array(z.number().nonnegative()),
    sample: z.boolean().optional(),
    ltl: LtlClassRates.optional(),
    ounceBreaks: z.array(z.object({ maxOz: z.number().positive().lt(16), cents: z.array(Cents) })).optional(),
    cubicTiers: z
      .array(z.object({ maxCubicFt: z.number().positive().max(1), cents: z.array(Cents) }))
      .optional(),
  })
  .superRefine((card, ctx) => {
    if (card.ltl) {
      if (card.basis !== "PER_SHIPMENT")
        ctx.addIssue({ code: "custom", path: ["basis"], message: "LTL class rates are priced PER_SHIPMENT" });
      return;
    }
    if (card.zones.length === 0)
      ctx.addIssue({ code: "custom", path: ["zones"], message: "add at least one zone" });
    if (card.breaks.length === 0)
      ctx.addIssue({ code: "custom", path: ["breaks"], message: "add at least one weight break" });
  });

const Markup = z.object({ basisPoints: z.number().int().min(-10_000), fixedCents: z.number().int() });

const ZoneChart = z.object({
  bands: z.array(z.object({ maxMiles: z.number().nonnegative(), zone: z.number().int().positive() })).min(1),
  beyondLastBandZone: z.number().int().positive(),
  nonContiguousZones: z.record(z.string(), z.number().int().positive()),
});

const Holidays = z.object({
  federal: z.union([z.literal("ALL"), z.literal("NONE"), z.array(z.string())]),
  extraClosedDates: z.array(IsoDate).optional(),
});

const TransitByZone = z
  .array(
    z.object({
      zone: z.number().int().positive(),
      minDays: z.number().int().nonnegative(),
      maxDays: z.number().int().nonnegative(),
    }),
  )
  .min(1);

const ZoneTable = z.object({
  warehouseId: z.string().min(1),
  originZip3: Zip3,
  source: z.string().min(1),
  ranges: z.array(z.object({ fromZip3: Zip3, toZip3: Zip3, zone: z.number().int().min(1).max(99) })).min(1),
});

const Pallet = z
  .object({
    id: z.string().min(1),
    lengthIn: PositiveInches,
    widthIn: PositiveInches,
    deckHeightIn: z.number().nonnegative(),
    tareWeightLb: z.number().nonnegative(),
    maxHeightIn: PositiveInches,
    maxWeightLb: z.number().positive(),
  })
  .refine((p) => p.maxHeightIn > p.deckHeightIn, "the maximum height must be above the deck")
  .refine((p) => p.maxWeightLb > p.tareWeightLb, "the maximum weight must be above the tare");

const CarrierService = z.object({
  id: z.string().min(1),
  carrier: z.string().min(1),
  name: z.string().min(1),
  mode: DeliveryMode,
  tier: ServiceTier,
  dimDivisor: z.number().positive(),
  dimMinCubicIn: z.number().nonnegative(),
  limits: z.object({
    maxWeightLb: z.number().positive(),
    maxLongestIn: z.number().positive(),
    maxLengthPlusGirthIn: z.number().positive(),
  }),
  rateCard: RateCard,
  surcharges: z.array(SurchargeRule),
  fuelBasisPoints: z.number().int().nonnegative(),
  holidays: Holidays,
  transitByZone: TransitByZone,
  zoneChart: ZoneChart.optional(),
  zoneTables: z.array(ZoneTable).optional(),
  servedStates: z.array(StateCode).optional(),
  excludedStates: z.array(StateCode).optional(),
  reachesPoBox: z.boolean(),
  reachesMilitary: z.boolean(),
  freight: z
    .object({ levels: z.array(FreightLevel).min(1), appointmentLeadDays: z.number().int().nonnegative() })
    .optional(),
  warehouseIds: z.array(z.string()).optional(),
  markup: Markup.optional(),
  enabled: z.boolean().optional(),
});

const Carton = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  ...Dimensions,
  tareWeightOz: z.number().nonnegative(),
  maxWeightOz: z.number().positive(),
  active: z.boolean().optional(),
});

const ProductProfile = z
  .object({
    variantId: z.string().optional(),
    sku: z.string().optional(),
    name: z.string().min(1),
    ...Dimensions,
    weightOz: z.number().nonnegative().optional(),
    fragile: z.boolean().optional(),
    valuable: z.boolean().optional(),
    coldChain: z.boolean().optional(),
    bulky: z.boolean().optional(),
    shipAlone: z.boolean().optional(),
    nmfcClass: NmfcClass.optional(),
    stackable: z.boolean().optional(),
    ownSkid: z.boolean().optional(),
  })
  .refine(
    (p) => p.variantId !== undefined || p.sku !== undefined,
    "a product profile needs a variantId or a sku",
  );

const DefaultBox = z.object({ ...Dimensions, weightOz: z.number().nonnegative() });

const Strategy = z.object({
  kind: z.enum(["CHEAPEST", "FASTEST", "BALANCED"]),
  costTargetBasisPoints: z.number().int().nonnegative().optional(),
  centsPerDay: z.number().nonnegative().optional(),
  unreliabilityCents: z.number().nonnegative().optional(),
  laneStatsMinSamples: z.number().int().nonnegative().optional(),
  coldChainMaxTransitDays: z.number().int().nonnegative().optional(),
  freightFromCartWeightLb: z.number().positive().optional(),
  freightFromParcels: z.number().int().min(1).optional(),
});

const FallbackRates = z.array(z.object({ serviceCode: TierCode, priceCents: Cents }));

/** `ShopConfig.residentialDefault`: how an address that does not say whether it is residential is rated. */
export const RESIDENTIAL_DEFAULTS = ["GUESS_FROM_COMPANY", "RESIDENTIAL", "COMMERCIAL"] as const;

/** Validates a JSON shop configuration (e.g. `tailroute quote --config shop.json`). */
export const ShopConfigSchema = z.object({
  shop: z.string().min(1),
  currency: z.string().length(3),
  warehouses: z.array(Warehouse).min(1),
  carrierServices: z.array(CarrierService),
  cartons: z.array(Carton),
  defaultBox: DefaultBox,
  productProfiles: z.array(ProductProfile),
  strategy: Strategy,
  markup: Markup,
  fallbackRates: FallbackRates,
  residentialDefault: z.enum(RESIDENTIAL_DEFAULTS).optional(),
  pallets: z.array(Pallet).optional(),
}) satisfies z.ZodType<ShopConfig>;

/**
 * The configuration file the admin exports and imports: the engine's `ShopConfig` (inactive warehouses and
 * cartons and disabled services included, flagged) plus admin-only sections the engine does not read. The
 * quote CLI reads the same file with `ShopConfigSchema`, which drops those sections.
 */
export const ShopConfigFileSchema = ShopConfigSchema.extend({
  units: UnitsSchema.optional(),
  pickupNetworks: z.array(PickupNetworkSettingsSchema).optional(),
}).superRefine((config, ctx) => {
  // What the database's unique keys and relations would otherwise refuse mid-save.
  const unique = (ids: string[], path: "warehouses" | "carrierServices" | "cartons") =>
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({ code: "custom", path: [path, i, "id"], message: `"${id}" is used twice` });
    });
  unique(
    config.warehouses.map((w) => w.id),
    "warehouses",
  );
  unique(
    config.carrierServices.map((s) => s.id),
    "carrierServices",
  );
  unique(
    config.cartons.map((c) => c.id),
    "cartons",
  );
  const keys = new Set(config.warehouses.map((w) => w.id));
  config.carrierServices.forEach((s, i) => {
    const unknown = (s.warehouseIds ?? []).filter((id) => !keys.has(id));
    if (unknown.length > 0)
      ctx.addIssue({
        code: "custom",
        path: ["carrierServices", i, "warehouseIds"],
        message: `unknown warehouse ${unknown.join(", ")}`,
      });
  });
  const networks = (config.pickupNetworks ?? []).map((n) => n.network);
  networks.forEach((n, i) => {
    if (networks.indexOf(n) !== i)
      ctx.addIssue({
        code: "custom",
        path: ["pickupNetworks", i, "network"],
        message: `${n} is listed twice`,
      });
  });
});
export type ShopConfigFile = z.infer<typeof ShopConfigFileSchema>;

// Parts of the configuration, for the admin forms (app/contracts/admin-*.ts) to validate with the same rules.
export {
  Warehouse as WarehouseConfigSchema,
  RateCard as RateCardSchema,
  ProductProfile as ProductProfileSchema,
  SurchargeRule as SurchargeRuleSchema,
  DeliveryMode as DeliveryModeSchema,
  ServiceTier as ServiceTierSchema,
  TierCode as TierCodeSchema,
  Zip as ZipSchema,
  FreightLevel as FreightLevelSchema,
  Markup as MarkupSchema,
  UnitsSchema,
  IsoDate as IsoDateSchema,
  StateCode as StateCodeSchema,
  Holidays as HolidaysSchema,
  TransitByZone as TransitByZoneSchema,
  ZoneChart as ZoneChartSchema,
  ZoneTable as ZoneTableSchema,
  LtlClassRates as LtlClassRatesSchema,
  NmfcClass as NmfcClassSchema,
  Pallet as PalletSchema,
  DefaultBox as DefaultBoxSchema,
  Strategy as StrategySchema,
  FallbackRates as FallbackRatesSchema,
};
