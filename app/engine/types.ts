/**
 * Public data types of the Tailroute engine: the shop configuration it is given, the quote request and the
 * quote result. These interfaces are the single source of truth; `app/contracts/shop-config.ts` validates
 * JSON against them (`satisfies z.ZodType<ShopConfig>`).
 *
 * Units are always in the field name: money in integer cents (`…Cents`), percentages in basis points
 * (`…BasisPoints`, 1 % = 100), lengths in inches (`…In`), weights in ounces (`…Oz`) or whole pounds (`…Lb`).
 */

/** How a shipment travels. */
export type DeliveryMode = "EXPRESS_PARCEL" | "POSTAL" | "FREIGHT";

/** Which buyer-facing tier a carrier service can serve. FREIGHT services serve the freight tiers via levels. */
export type ServiceTier = "EXPRESS" | "STANDARD" | "ECONOMY" | "FREIGHT";

/** Final-mile service level of a freight delivery. */
export type FreightLevel = "THRESHOLD" | "ROOM_OF_CHOICE" | "WHITE_GLOVE";

/** Stable Shopify `service_code`s, one per offered tier. */
export type TierCode =
  | "TR_EXPRESS"
  | "TR_STANDARD"
  | "TR_ECONOMY"
  | "TR_FREIGHT_THRESHOLD"
  | "TR_FREIGHT_ROOM_OF_CHOICE"
  | "TR_FREIGHT_WHITE_GLOVE";

/** The shop's ranking strategy (see docs/engine.md, "Scoring"). */
export type StrategyKind = "CHEAPEST" | "FASTEST" | "BALANCED";

/** Closed set of surcharge codes. */
export type SurchargeCode =
  | "RESIDENTIAL"
  | "DELIVERY_AREA"
  | "EXTENDED_DELIVERY_AREA"
  | "REMOTE_AREA"
  | "ADDITIONAL_HANDLING"
  | "LARGE_PACKAGE"
  | "PEAK"
  | "FUEL"
  | "LIFTGATE"
  | "APPOINTMENT"
  | "INSIDE_DELIVERY"
  | "WHITE_GLOVE"
  | "LIMITED_ACCESS";

/** Closed set of problem codes the engine reports as data. */
export type IssueCode =
  | "UNSUPPORTED_COUNTRY"
  | "UNKNOWN_ZIP"
  | "EMPTY_CART"
  | "INVALID_CART_LINE"
  | "PROFILE_MISSING"
  | "ITEM_EXCEEDS_CARTONS"
  | "OUT_OF_STOCK"
  | "BACKORDERED"
  | "PO_BOX_POSTAL_ONLY"
  | "MILITARY_POSTAL_ONLY"
  | "FREIGHT_REQUIRED"
  | "SERVICE_LIMIT_EXCEEDED"
  | "SERVICE_NO_COVERAGE"
  | "ZONE_NOT_RATED"
  | "COLD_CHAIN_TOO_SLOW"
  | "TIER_UNAVAILABLE"
  | "NO_RATES";

export type IssueLevel = "error" | "warning" | "info";

/** A problem reported as data (never thrown). */
export interface Issue {
  code: IssueCode;
  level: IssueLevel;
  message: string;
  carrier?: string;
}

// ───────────────────────────── configuration ─────────────────────────────

export interface PostalAddress {
  address1?: string;
  city: string;
  /** Two-letter USPS state / territory code. */
  state: string;
  zip: string;
  country: "US";
}

export interface WarehouseConfig {
  id: string;
  name: string;
  address: PostalAddress;
  /** IANA time zone of the warehouse; cutoffs are read in it. */
  timeZone: string;
  /** Orders placed before this local time ("HH:MM", 24 h) leave on the same business day. */
  cutoffLocalTime: string;
  /** Business days between the ship-ready day and carrier pickup (0 = same day). */
  handlingDays: number;
  /** Modes the warehouse can tender (a 3PL without an LTL dock lacks FREIGHT). */
  modes: DeliveryMode[];
  /** Units on hand per variant id. Absent = stock is not tracked (the warehouse can ship everything). */
  inventory?: Record<string, number>;
  /**
   * When `inventory` was last confirmed from Shopify's inventory levels (ISO-8601 instant). Absent = the inventory is
   * a snapshot (imported with the configuration): reasons then say "stock not confirmed" instead of "in stock".
   */
  stockSyncedAt?: string;
  /**
   * Freight final-mile levels this warehouse's dock and crews can arrange. Absent = every level its freight
   * services offer; a freight tier is offered from here only when both the service and the warehouse have it.
   */
  freightLevels?: FreightLevel[];
  /** False = kept in the configuration but never quoted or routed to. Absent = active. */
  active?: boolean;
}

export interface DimensionsIn {
  lengthIn: number;
  widthIn: number;
  heightIn: number;
}

/** A merchant carton. Dimensions are used both as usable interior and as billed exterior (see docs). */
export interface CartonConfig extends DimensionsIn {
  id: string;
  name: string;
  /** Weight of the empty carton. */
  tareWeightOz: number;
  /** Maximum gross weight the carton may carry (contents + tare). */
  maxWeightOz: number;
  /** False = kept in the configuration but never packed into. Absent = active. */
  active?: boolean;
}

/** Catalogue data the Shopify callback does not send: dimensions and handling flags per variant. */
export interface ProductProfile extends DimensionsIn {
  variantId?: string;
  sku?: string;
  name: string;
  /** Used only when the cart line carries no weight (grams = 0). */
  weightOz?: number;
  fragile?: boolean;
  valuable?: boolean;
  coldChain?: boolean;
  /** Bulky goods ship by freight only. */
  bulky?: boolean;
  /** Ships in its own packaging, never inside a merchant carton. */
  shipAlone?: boolean;
  /**
   * LTL: the item's NMFC class when it is not rated on density (handling, stowability or liability concerns),
   * one of the 18 classes 50…500. Absent = the handling unit's density decides.
   */
  nmfcClass?: number;
  /** LTL: false = nothing may be stacked on it (it goes on top of its pallet). Absent = stackable. */
  stackable?: boolean;
  /** LTL: ships on its own skid or crate (its dimensions and weight include it), never on a shared pallet. */
  ownSkid?: boolean;
}

/** A merchant pallet for LTL handling units. Default: 48 × 40 in, 6 in deck, 40 lb tare, 72 in, 2,500 lb. */
export interface PalletConfig {
  id: string;
  lengthIn: number;
  widthIn: number;
  /** Height of the empty pallet (the deck). */
  deckHeightIn: number;
  tareWeightLb: number;
  /** Highest loaded height, deck included. */
  maxHeightIn: number;
  /** Heaviest loaded weight, tare included. */
  maxWeightLb: number;
}

/** Box assumed for a cart line without a product profile. */
export interface DefaultBoxConfig extends DimensionsIn {
  weightOz: number;
}

export interface ZoneBand {
  /** Inclusive upper bound of the ZIP3-to-ZIP3 great-circle distance, in miles. */
  maxMiles: number;
  zone: number;
}

/** Distance bands plus the special cases for non-contiguous origins/destinations. */
export interface ZoneChart {
  bands: ZoneBand[];
  /** Zone beyond the last band. */
  beyondLastBandZone: number;
  /** Zone when exactly one end is in one of these states/territories (AK, HI, PR, GU, AA…). */
  nonContiguousZones: Record<string, number>;
}

/** A range of destination ZIP3s (inclusive) and its zone, as carrier zone charts list them. */
export interface ZoneTableRange {
  fromZip3: string;
  toZip3: string;
  zone: number;
}

/** A carrier's zone chart for one origin (a warehouse): destination ZIP3 ranges → zone. */
export interface ZoneTable {
  warehouseId: string;
  /** The origin ZIP3 the chart was published for. */
  originZip3: string;
  /** Who published it ("UPS", "FedEx", "USPS"), for explanations. */
  source: string;
  ranges: ZoneTableRange[];
}

export interface WeightBreak {
  /** Inclusive upper bound of billable weight, whole pounds. */
  maxLb: number;
  /** Price per zone column (same order as `RateCard.zones`). */
  cents: number[];
}

/** One LTL price row: a freight class to a zone (or to a destination ZIP3), dollars per CWT in cents per break. */
export interface LtlRateRow {
  freightClass: number;
  /** The row applies to this zone… */
  zone?: number;
  /** …or to destinations in this ZIP3 (checked first). */
  destZip3?: string;
  /** Cents per hundredweight (100 lb), one per weight break (same order as `LtlClassRates.breaksFromLb`). */
  centsPerCwt: number[];
}

/** LTL class rates: class × zone (or destination ZIP3) in cents per CWT with weight breaks and a minimum. */
export interface LtlClassRates {
  /** Lower bounds of the weight breaks in lb, ascending, the first 0 (e.g. [0, 500, 1000, 2000, 5000]). */
  breaksFromLb: number[];
  rows: LtlRateRow[];
  /** The least a shipment is charged (base, before accessorials and fuel). */
  minimumChargeCents: number;
}

/** A light-parcel price tier: up to `maxOz` ounces (actual weight under 1 lb), one price per zone column. */
export interface OunceBreak {
  maxOz: number;
  cents: number[];
}

/** A USPS cubic price tier: packages up to `maxCubicFt` (0.1 … 0.5, or 1.0 for Ground Advantage). */
export interface CubicTier {
  maxCubicFt: number;
  cents: number[];
}

export interface RateCard {
  name: string;
  /** PER_PACKAGE: each parcel priced on its own; PER_SHIPMENT: the shipment's total billable weight (LTL). */
  basis: "PER_PACKAGE" | "PER_SHIPMENT";
  zones: number[];
  breaks: WeightBreak[];
  /** Per zone column: cents per pound beyond the last break. */
  overLastBreakCentsPerLb: number[];
  /** A generated sample card (the demo), labelled so it is never mistaken for a real tariff. Not used in rating. */
  sample?: boolean;
  /**
   * LTL by freight class (PER_SHIPMENT cards): when present, the shipment is palletised and priced per class.
   * Absent = the documented fallback, total billable weight under the service's DIM divisor.
   */
  ltl?: LtlClassRates;
  /** Postal light parcels: price tiers by ounce for parcels under 1 lb (same zone columns). */
  ounceBreaks?: OunceBreak[];
  /** Postal cubic tiers (same zone columns); a qualifying parcel pays the lower of cubic and weight price. */
  cubicTiers?: CubicTier[];
}

/** How a surcharge amount is counted. */
export interface SurchargeAmount {
  per: "PACKAGE" | "SHIPMENT";
  cents: number;
}

export interface DateWindow {
  /** Inclusive, "YYYY-MM-DD". */
  from: string;
  /** Inclusive, "YYYY-MM-DD". */
  to: string;
}

/** Surcharge rules: the code decides what triggers it, the rule carries the data. */
export type SurchargeRule =
  | { code: "RESIDENTIAL"; amount: SurchargeAmount }
  | {
      code: "DELIVERY_AREA" | "EXTENDED_DELIVERY_AREA" | "REMOTE_AREA";
      /** 5-digit ZIPs or 3-digit ZIP prefixes. */
      zips: string[];
      amount: SurchargeAmount;
      /** Where the list came from ("SAMPLE …", "ups-das-2026.csv, imported 2026-12-06"); shown in the admin. */
      source?: string;
    }
  | {
      code: "ADDITIONAL_HANDLING";
      longestOverIn: number;
      secondLongestOverIn: number;
      lengthPlusGirthOverIn: number;
      actualWeightOverLb: number;
      amount: SurchargeAmount;
    }
  | {
      code: "LARGE_PACKAGE";
      longestOverIn: number;
      lengthPlusGirthOverIn: number;
      minBillableLb: number;
      amount: SurchargeAmount;
    }
  | { code: "PEAK"; windows: DateWindow[]; amount: SurchargeAmount }
  | {
      code: "LIFTGATE" | "APPOINTMENT" | "INSIDE_DELIVERY" | "WHITE_GLOVE";
      levels: FreightLevel[];
      amount: SurchargeAmount;
    }
  | {
      /** LTL limited-access delivery (schools, military bases, farms, …), by 5-digit ZIP or ZIP3. */
      code: "LIMITED_ACCESS";
      zips: string[];
      amount: SurchargeAmount;
    };

export interface ServiceLimits {
  maxWeightLb: number;
  maxLongestIn: number;
  maxLengthPlusGirthIn: number;
}

export interface TransitRow {
  zone: number;
  minDays: number;
  maxDays: number;
}

/** Days the carrier neither picks up nor delivers, besides weekends. */
export interface HolidayCalendar {
  /** "ALL" federal holidays (USPS), "NONE", or the names of the ones observed (from @18f/us-federal-holidays). */
  federal: "ALL" | "NONE" | string[];
  /** Extra closed days, "YYYY-MM-DD". */
  extraClosedDates?: string[];
}

export interface CarrierServiceConfig {
  id: string;
  carrier: string;
  name: string;
  mode: DeliveryMode;
  tier: ServiceTier;
  /** Cubic inches per pound (139 UPS/FedEx, 166 USPS). */
  dimDivisor: number;
  /** DIM weight only applies above this cube (USPS: 1,728 in³). 0 = always. */
  dimMinCubicIn: number;
  limits: ServiceLimits;
  rateCard: RateCard;
  surcharges: SurchargeRule[];
  /** Fuel surcharge on base + other surcharges. */
  fuelBasisPoints: number;
  holidays: HolidayCalendar;
  transitByZone: TransitRow[];
  /** Defaults to the USPS bands. */
  zoneChart?: ZoneChart;
  /** Carrier zone charts per warehouse (origin), imported from the carrier's files; distance is the fallback. */
  zoneTables?: ZoneTable[];
  /** If set, only these destination states are served. */
  servedStates?: string[];
  /** Destination states never served (freight to AK/HI…). */
  excludedStates?: string[];
  reachesPoBox: boolean;
  reachesMilitary: boolean;
  /** Freight only: offered final-mile levels and the appointment lead time in business days. */
  freight?: { levels: FreightLevel[]; appointmentLeadDays: number };
  /** Restrict the service to some warehouses (default: every warehouse whose modes include the service's). */
  warehouseIds?: string[];
  /** This service's markup, replacing the shop-wide `ShopConfig.markup` for its shipments. Absent = the shop's. */
  markup?: MarkupConfig;
  /** False = kept in the configuration but never rated. Absent = enabled. */
  enabled?: boolean;
}

export interface StrategyConfig {
  kind: StrategyKind;
  /** Target: shipping ≤ this share of the order value (BALANCED). 1200 = 12 %. */
  costTargetBasisPoints?: number;
  /** BALANCED: what one extra calendar day of waiting is worth, in cents. Default 150. */
  centsPerDay?: number;
  /** BALANCED: cost of a 0 % on-time lane, in cents (scaled by 1 − on-time rate). Default 1000. */
  unreliabilityCents?: number;
  /** Lane statistics replace the transit table from this many samples. Default 20. */
  laneStatsMinSamples?: number;
  /** Cold-chain items only ride services whose max transit is ≤ this many business days. Default 2. */
  coldChainMaxTransitDays?: number;
  /**
   * Carts weighing at least this many pounds (actual weight of every unit) ship by freight only: parcel tiers
   * are not offered. Absent = freight only when parcel services cannot carry the cart.
   */
  freightFromCartWeightLb?: number;
  /** Carts that pack into at least this many parcels ship by freight only. Absent = no parcel-count rule. */
  freightFromParcels?: number;
}

export interface MarkupConfig {
  basisPoints: number;
  fixedCents: number;
}

/** How an address that does not say whether it is residential is rated (`ShopConfig.residentialDefault`). */
export type ResidentialDefault = "GUESS_FROM_COMPANY" | "RESIDENTIAL" | "COMMERCIAL";

export interface FallbackRate {
  serviceCode: TierCode;
  priceCents: number;
}

/** Everything the engine needs to know about a shop. */
export interface ShopConfig {
  shop: string;
  currency: string;
  warehouses: WarehouseConfig[];
  carrierServices: CarrierServiceConfig[];
  cartons: CartonConfig[];
  defaultBox: DefaultBoxConfig;
  productProfiles: ProductProfile[];
  strategy: StrategyConfig;
  markup: MarkupConfig;
  /** Flat prices per tier for when the destination cannot be located (the callback must still answer). */
  fallbackRates: FallbackRate[];
  /**
   * Residential or commercial when the checkout does not say (Shopify's `address_type`): GUESS_FROM_COMPANY (no
   * company name = residential, the carriers' own default), RESIDENTIAL or COMMERCIAL. Absent = GUESS_FROM_COMPANY.
   */
  residentialDefault?: ResidentialDefault;
  /** The merchant's pallets for LTL handling units, preferred first. Absent = one 48 × 40 in pallet. */
  pallets?: PalletConfig[];
}

// ───────────────────────────── request ─────────────────────────────

export interface CartLine {
  variantId?: string;
  sku?: string;
  name?: string;
  quantity: number;
  /** Per unit, as Shopify sends it. */
  grams: number;
  /** Per unit, integer cents. */
  priceCents: number;
}

export interface Destination {
  /** ISO country code; "US" (territories may arrive as PR, GU, VI…). */
  country: string;
  zip: string;
  state?: string;
  city?: string;
  addressLines: string[];
  company?: string;
  /** Overrides the residential guess (no company name → residential). */
  residential?: boolean;
}

/** Observed transit for a warehouse × service × destination ZIP3 lane. */
export interface LaneStat {
  warehouseId: string;
  serviceId: string;
  destZip3: string;
  samples: number;
  /** Business days. */
  p50Days: number;
  /** Business days. */
  p90Days: number;
  /** Share of deliveries within the promised window, 0…1. */
  onTimeRate: number;
}

export interface QuoteInput {
  cart: CartLine[];
  destination: Destination;
  /** The current instant (an input, so the engine stays deterministic). */
  now: Date;
  laneStats?: LaneStat[];
  /** Defaults to Σ price × quantity of the cart. */
  orderValueCents?: number;
  /**
   * When no warehouse set holds the cart, quote anyway as a backorder: stock is ignored and every warehouse's
   * handling grows by `days` business days. Absent = such a cart gets no quotes (OUT_OF_STOCK).
   */
  backorder?: { days: number };
  /**
   * A tier the buyer already paid for (order routing): never withdrawn for being dominated by a cheaper tier
   * (`routing/distinct-speeds.ts`), so the order ships at the speed it was sold. Checkout leaves it unset.
   */
  keepTier?: TierCode;
}

// ───────────────────────────── result ─────────────────────────────

export interface PackageContent {
  variantId?: string;
  sku?: string;
  quantity: number;
}

/** A package as rated by one service. */
export interface RatedPackage {
  /** Carton id, or null when the item travels in its own packaging. */
  cartonId: string | null;
  lengthIn: number;
  widthIn: number;
  heightIn: number;
  weightOz: number;
  actualLb: number;
  dimLb: number;
  billableLb: number;
  contents: PackageContent[];
  /** Set when the price came from a light-parcel ounce tier or a USPS cubic tier instead of the pound breaks. */
  priceTier?: { basis: "OUNCES"; maxOz: number } | { basis: "CUBIC"; maxCubicFt: number; cubicFt: number };
}

/** One LTL handling unit (a loaded pallet, or an item on its own skid / crate) as the carrier rates it. */
export interface HandlingUnitPlan {
  /** PALLET = packages on a merchant pallet; OWN_SKID = an item on its own skid or crate (or too big for a pallet). */
  kind: "PALLET" | "OWN_SKID";
  palletId?: string;
  lengthIn: number;
  widthIn: number;
  heightIn: number;
  /** Gross weight (contents + pallet tare), whole lb rounded up. */
  weightLb: number;
  cubicFt: number;
  /** Pounds per cubic foot. */
  densityPcf: number;
  freightClass: number;
  /** DENSITY = from the NMFC density scale; NMFC_OVERRIDE = a product's own class. */
  classSource: "DENSITY" | "NMFC_OVERRIDE";
  stackable: boolean;
  pieces: number;
}

/** One CWT arithmetic line of an LTL base charge. */
export interface CwtLine {
  freightClass: number;
  weightLb: number;
  centsPerCwt: number;
  amountCents: number;
  /** DEFICIT = the pounds added to reach the next break, rated at that break (deficit weight rule). */
  kind: "ACTUAL" | "DEFICIT";
}

/** How an LTL base charge was reached: handling units, classes and the CWT arithmetic. */
export interface FreightRating {
  handlingUnits: HandlingUnitPlan[];
  totalWeightLb: number;
  /** Weight the lines were rated at (the next break's weight when the deficit rule applied). */
  ratedAtLb: number;
  lines: CwtLine[];
  /** Σ lines before the minimum. */
  linesCents: number;
  minimumChargeCents: number;
  minimumApplied: boolean;
  /** The rate rows came from the destination ZIP3 or the zone. */
  lane: "DEST_ZIP3" | "ZONE";
}

export interface SurchargeLine {
  code: SurchargeCode;
  amountCents: number;
}

export interface DeliveryWindow {
  /** "YYYY-MM-DD" in `timeZone`. */
  minDate: string;
  maxDate: string;
  /** The destination's IANA time zone. */
  timeZone: string;
}

export interface ShipmentPlan {
  warehouseId: string;
  /** "Dallas, TX". */
  warehouseLabel: string;
  carrier: string;
  serviceId: string;
  serviceName: string;
  mode: DeliveryMode;
  freightLevel?: FreightLevel;
  zone: number;
  /** Where the zone came from: "zone 5 from UPS chart for origin 100" or "zone 5 estimated from distance". */
  zoneSource?: string;
  packages: RatedPackage[];
  /** LTL by freight class: handling units, classes and the CWT arithmetic. */
  freight?: FreightRating;
  baseCents: number;
  surcharges: SurchargeLine[];
  /** base + surcharges (before the merchant markup). */
  costCents: number;
  /** Business days in transit. */
  transitDays: { min: number; max: number };
  transitSource: "TABLE" | "LANE_STATS";
  /** "YYYY-MM-DD" in the warehouse's time zone. */
  shipDate: string;
  delivery: DeliveryWindow;
  onTimeRate: number;
}

export interface TierQuote {
  serviceCode: TierCode;
  /** Buyer-facing name ("Express"). */
  serviceName: string;
  mode: DeliveryMode;
  totalCents: number;
  /** Σ shipment costs before markup. */
  carrierCostCents: number;
  markupCents: number;
  currency: string;
  delivery: DeliveryWindow;
  shipments: ShipmentPlan[];
  /** Lower is better (see docs/engine.md). */
  score: number;
  reasons: string[];
  /** Set when the cart was quoted as a backorder: the business days added to handling. */
  backorderDays?: number;
}

export interface QuoteResult {
  quotes: TierQuote[];
  issues: Issue[];
}
