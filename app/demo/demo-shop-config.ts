/**
 * The demo shop's configuration — the single source of truth for the DB seed and the CLI's default config.
 *
 * EVERY PRICE HERE IS A SAMPLE. Rate cards, surcharges and fuel percentages are invented, plausible-looking
 * numbers for demos and tests; they are not any carrier's tariff. Card names say "SAMPLE" so nobody mistakes
 * them for real rates.
 */
import type {
  CarrierServiceConfig,
  HolidayCalendar,
  LtlClassRates,
  RateCard,
  ShopConfig,
  SurchargeRule,
  TransitRow,
  WarehouseConfig,
} from "../engine/types";

/**
 * A SAMPLE card with one break per pound up to `maxLb`: price = base[zone] + perLb[zone] × (lb − 1).
 * Generated so the numbers stay consistent (monotone in weight) without hundreds of literal rows.
 */
function sampleRateCard(
  name: string,
  zones: number[],
  baseCents: number[],
  perLbCents: number[],
  maxLb: number,
  basis: RateCard["basis"] = "PER_PACKAGE",
  stepLb = 1,
): RateCard {
  const breaks = [];
  for (let lb = stepLb; lb <= maxLb; lb += stepLb) {
    breaks.push({ maxLb: lb, cents: zones.map((_, i) => baseCents[i] + perLbCents[i] * (lb - stepLb)) });
  }
  return { name: `SAMPLE ${name}`, basis, zones, breaks, overLastBreakCentsPerLb: perLbCents };
}

/** NMFC classes a SAMPLE LTL card prices (the 13 density classes plus 500). */
const SAMPLE_LTL_CLASSES = [50, 55, 60, 65, 70, 85, 92.5, 100, 125, 175, 250, 300, 400, 500];

/**
 * A SAMPLE LTL class tariff (not a carrier's): cents per CWT by class × zone with five weight breaks (under 500 lb,
 * 500–999, 1,000–1,999, 2,000–4,999, 5,000 lb and up). Class 100 in zone 1 starts at $62/cwt, each zone adds $8,
 * other classes scale by (class / 100)^0.9, and each break takes a weight discount.
 */
function sampleLtlClassRates(zones: number[]): LtlClassRates {
  const breakDiscount = [1, 0.82, 0.68, 0.55, 0.45];
  return {
    breaksFromLb: [0, 500, 1000, 2000, 5000],
    minimumChargeCents: 15000,
    rows: SAMPLE_LTL_CLASSES.flatMap((freightClass) =>
      zones.map((zone) => ({
        freightClass,
        zone,
        centsPerCwt: breakDiscount.map(
          (d) => Math.round(((6200 + 800 * (zone - 1)) * Math.pow(freightClass / 100, 0.9) * d) / 5) * 5,
        ),
      })),
    ),
  };
}

function transit(rows: [zone: number, min: number, max: number][]): TransitRow[] {
  return rows.map(([zone, minDays, maxDays]) => ({ zone, minDays, maxDays }));
}

// ───────────── warehouses ─────────────

const warehouses: WarehouseConfig[] = [
  {
    id: "edison-nj",
    name: "Edison NJ (East)",
    address: {
      address1: "300 Raritan Center Pkwy",
      city: "Edison",
      state: "NJ",
      zip: "08817",
      country: "US",
    },
    timeZone: "America/New_York",
    cutoffLocalTime: "14:00",
    handlingDays: 0,
    modes: ["EXPRESS_PARCEL", "POSTAL", "FREIGHT"],
    inventory: {
      "44012345670001": 120, // mug
      "44012345670002": 30, // mug set
      "44012345670003": 300, // tee
      "44012345670004": 80, // hoodie
      "44012345670005": 25, // lamp
      "44012345670006": 40, // cold brew kit
      "44012345670007": 10, // watch
      "44012345670102": 4, // dining table
      "44012345670103": 12, // mattress
      "44012345670104": 6, // rug
    },
  },
  {
    id: "dallas-tx",
    name: "Dallas TX (Central)",
    address: { address1: "2400 Esters Blvd", city: "Dallas", state: "TX", zip: "75261", country: "US" },
    timeZone: "America/Chicago",
    cutoffLocalTime: "15:00",
    handlingDays: 0,
    modes: ["EXPRESS_PARCEL", "POSTAL", "FREIGHT"],
    inventory: {
      "44012345670001": 80,
      "44012345670002": 20,
      "44012345670003": 200,
      "44012345670004": 60,
      "44012345670007": 5,
      "44012345670101": 6, // sofa
      "44012345670102": 3,
      "44012345670103": 10,
    },
  },
  {
    id: "ontario-ca",
    name: "Ontario CA (West)",
    address: { address1: "4000 E Airport Dr", city: "Ontario", state: "CA", zip: "91761", country: "US" },
    timeZone: "America/Los_Angeles",
    cutoffLocalTime: "13:00",
    handlingDays: 1,
    modes: ["EXPRESS_PARCEL", "POSTAL", "FREIGHT"],
    inventory: {
      "44012345670001": 60,
      "44012345670002": 10,
      "44012345670003": 150,
      "44012345670004": 40,
      "44012345670005": 12,
      "44012345670006": 20,
      "44012345670101": 8,
      "44012345670103": 8,
      "44012345670104": 4,
    },
  },
];

// ───────────── shared carrier data ─────────────

/** UPS and FedEx close on six federal holidays (names as @18f/us-federal-holidays spells them). */
const PARCEL_CARRIER_HOLIDAYS: HolidayCalendar = {
  federal: [
    "New Year's Day",
    "Memorial Day",
    "Independence Day",
    "Labor Day",
    "Thanksgiving Day",
    "Christmas Day",
  ],
};
/** USPS closes on every federal holiday. */
const USPS_HOLIDAYS: HolidayCalendar = { federal: "ALL" };

const TERRITORIES = ["VI", "GU", "AS", "MP", "PW", "FM", "MH"];
const NON_CONTIGUOUS = ["AK", "HI", "PR", ...TERRITORIES];
const MILITARY = ["AA", "AE", "AP"];

/** Shown beside the demo's area lists in the admin: they are not any carrier's published list. */
export const SAMPLE_AREA_SOURCE = "SAMPLE list (demo data, not a carrier's)";

/** SAMPLE delivery-area lists (a few rural ZIPs / ZIP3s), remote = Alaska and Hawaii. */
const DELIVERY_AREA_ZIPS = [
  "01026",
  "03251",
  "04462",
  "05030",
  "12851",
  "59001",
  "82001",
  "83001",
  "87001",
  "97001",
  "590",
  "591",
];
const EXTENDED_AREA_ZIPS = ["04739", "05905", "59411", "82190", "83120", "99150"];
const REMOTE_AREA_ZIPS = ["995", "996", "997", "998", "999", "967", "968"];

/** Peak season window (SAMPLE dates, ship date inclusive). */
const PEAK_2026 = [{ from: "2026-10-25", to: "2027-01-16" }];

function parcelSurcharges(peakCents: number, residentialCents: number): SurchargeRule[] {
  return [
    { code: "RESIDENTIAL", amount: { per: "PACKAGE", cents: residentialCents } },
    {
      code: "DELIVERY_AREA",
      zips: DELIVERY_AREA_ZIPS,
      amount: { per: "PACKAGE", cents: 475 },
      source: SAMPLE_AREA_SOURCE,
    },
    {
      code: "EXTENDED_DELIVERY_AREA",
      zips: EXTENDED_AREA_ZIPS,
      amount: { per: "PACKAGE", cents: 640 },
      source: SAMPLE_AREA_SOURCE,
    },
    {
      code: "REMOTE_AREA",
      zips: REMOTE_AREA_ZIPS,
      amount: { per: "PACKAGE", cents: 1550 },
      source: SAMPLE_AREA_SOURCE,
    },
    {
      code: "ADDITIONAL_HANDLING",
      longestOverIn: 48,
      secondLongestOverIn: 30,
      lengthPlusGirthOverIn: 105,
      actualWeightOverLb: 50,
      amount: { per: "PACKAGE", cents: 2950 },
    },
    {
      code: "LARGE_PACKAGE",
      longestOverIn: 96,
      lengthPlusGirthOverIn: 130,
      minBillableLb: 90,
      amount: { per: "PACKAGE", cents: 21500 },
    },
    { code: "PEAK", windows: PEAK_2026, amount: { per: "PACKAGE", cents: peakCents } },
  ];
}

const PARCEL_LIMITS = { maxWeightLb: 150, maxLongestIn: 108, maxLengthPlusGirthIn: 165 };
const Z1_8 = [1, 2, 3, 4, 5, 6, 7, 8];
const Z1_9 = [1, 2, 3, 4, 5, 6, 7, 8, 9];

function parcelService(
  s: Pick<
    CarrierServiceConfig,
    "id" | "carrier" | "name" | "tier" | "rateCard" | "transitByZone" | "fuelBasisPoints"
  > & {
    peakCents: number;
    excludedStates: string[];
  },
): CarrierServiceConfig {
  return {
    id: s.id,
    carrier: s.carrier,
    name: s.name,
    mode: "EXPRESS_PARCEL",
    tier: s.tier,
    dimDivisor: 139,
    dimMinCubicIn: 0,
    limits: PARCEL_LIMITS,
    rateCard: s.rateCard,
    surcharges: parcelSurcharges(s.peakCents, 595),
    fuelBasisPoints: s.fuelBasisPoints,
    holidays: PARCEL_CARRIER_HOLIDAYS,
    transitByZone: s.transitByZone,
    excludedStates: [...s.excludedStates, ...MILITARY],
    reachesPoBox: false,
    reachesMilitary: false,
  };
}

const GROUND_TRANSIT = transit([
  [1, 1, 1],
  [2, 1, 2],
  [3, 2, 3],
  [4, 2, 3],
  [5, 3, 4],
  [6, 4, 5],
  [7, 4, 5],
  [8, 5, 6],
]);

// ───────────── carrier services (8) ─────────────

const carrierServices: CarrierServiceConfig[] = [
  parcelService({
    id: "ups-ground",
    carrier: "UPS",
    name: "UPS Ground",
    tier: "STANDARD",
    rateCard: sampleRateCard(
      "UPS Ground",
      Z1_8,
      [1050, 1080, 1120, 1180, 1230, 1290, 1340, 1400],
      [45, 55, 70, 95, 115, 135, 150, 165],
      150,
    ),
    transitByZone: GROUND_TRANSIT,
    fuelBasisPoints: 1900,
    peakCents: 100,
    excludedStates: NON_CONTIGUOUS,
  }),
  parcelService({
    id: "fedex-ground",
    carrier: "FedEx",
    name: "FedEx Ground",
    tier: "STANDARD",
    rateCard: sampleRateCard(
      "FedEx Ground",
      Z1_8,
      [1040, 1070, 1130, 1170, 1240, 1280, 1350, 1390],
      [44, 56, 68, 96, 113, 137, 148, 167],
      150,
    ),
    transitByZone: GROUND_TRANSIT,
    fuelBasisPoints: 1850,
    peakCents: 110,
    excludedStates: NON_CONTIGUOUS,
  }),
  parcelService({
    id: "ups-2nd-day-air",
    carrier: "UPS",
    name: "UPS 2nd Day Air",
    tier: "EXPRESS",
    rateCard: sampleRateCard(
      "UPS 2nd Day Air",
      Z1_9,
      [2300, 2350, 2600, 2900, 3100, 3300, 3500, 4800, 5200],
      [180, 190, 230, 280, 330, 380, 430, 560, 620],
      150,
    ),
    transitByZone: transit([
      [1, 2, 2],
      [2, 2, 2],
      [3, 2, 2],
      [4, 2, 2],
      [5, 2, 2],
      [6, 2, 2],
      [7, 2, 2],
      [8, 2, 3],
      [9, 3, 4],
    ]),
    fuelBasisPoints: 2050,
    peakCents: 250,
    excludedStates: TERRITORIES,
  }),
  parcelService({
    id: "fedex-2day",
    carrier: "FedEx",
    name: "FedEx 2Day",
    tier: "EXPRESS",
    rateCard: sampleRateCard(
      "FedEx 2Day",
      Z1_9,
      [2280, 2340, 2620, 2880, 3120, 3280, 3520, 4750, 5150],
      [178, 192, 228, 283, 327, 384, 426, 565, 615],
      150,
    ),
    transitByZone: transit([
      [1, 2, 2],
      [2, 2, 2],
      [3, 2, 2],
      [4, 2, 2],
      [5, 2, 2],
      [6, 2, 2],
      [7, 2, 2],
      [8, 2, 3],
      [9, 3, 4],
    ]),
    fuelBasisPoints: 2000,
    peakCents: 260,
    excludedStates: TERRITORIES,
  }),
  parcelService({
    id: "fedex-express-saver",
    carrier: "FedEx",
    name: "FedEx Express Saver",
    tier: "EXPRESS",
    rateCard: sampleRateCard(
      "FedEx Express Saver",
      Z1_9,
      [1900, 1950, 2150, 2400, 2600, 2750, 2900, 4100, 4500],
      [150, 160, 190, 235, 275, 320, 355, 470, 520],
      150,
    ),
    transitByZone: transit([
      [1, 3, 3],
      [2, 3, 3],
      [3, 3, 3],
      [4, 3, 3],
      [5, 3, 3],
      [6, 3, 3],
      [7, 3, 3],
      [8, 3, 4],
      [9, 4, 5],
    ]),
    fuelBasisPoints: 2000,
    peakCents: 200,
    excludedStates: TERRITORIES,
  }),
  {
    id: "usps-priority",
    carrier: "USPS",
    name: "USPS Priority Mail",
    mode: "POSTAL",
    tier: "STANDARD",
    dimDivisor: 166,
    dimMinCubicIn: 1728,
    limits: { maxWeightLb: 70, maxLongestIn: 108, maxLengthPlusGirthIn: 108 },
    rateCard: sampleRateCard(
      "USPS Priority Mail",
      Z1_9,
      [880, 905, 950, 1040, 1150, 1260, 1380, 1510, 1650],
      [60, 70, 85, 110, 140, 170, 195, 220, 240],
      70,
    ),
    surcharges: [
      {
        code: "PEAK",
        windows: [{ from: "2026-10-04", to: "2027-01-17" }],
        amount: { per: "PACKAGE", cents: 45 },
      },
    ],
    fuelBasisPoints: 0,
    holidays: USPS_HOLIDAYS,
    transitByZone: transit([
      [1, 1, 2],
      [2, 1, 2],
      [3, 1, 3],
      [4, 2, 3],
      [5, 2, 3],
      [6, 2, 3],
      [7, 2, 4],
      [8, 3, 4],
      [9, 3, 6],
    ]),
    reachesPoBox: true,
    reachesMilitary: true,
  },
  {
    id: "usps-ground-advantage",
    carrier: "USPS",
    name: "USPS Ground Advantage",
    mode: "POSTAL",
    tier: "ECONOMY",
    dimDivisor: 166,
    dimMinCubicIn: 1728,
    limits: { maxWeightLb: 70, maxLongestIn: 108, maxLengthPlusGirthIn: 130 },
    rateCard: sampleRateCard(
      "USPS Ground Advantage",
      Z1_9,
      [640, 660, 690, 720, 760, 810, 870, 930, 1010],
      [55, 62, 75, 98, 125, 150, 170, 190, 205],
      70,
    ),
    surcharges: [
      {
        code: "PEAK",
        windows: [{ from: "2026-10-04", to: "2027-01-17" }],
        amount: { per: "PACKAGE", cents: 30 },
      },
    ],
    fuelBasisPoints: 0,
    holidays: USPS_HOLIDAYS,
    transitByZone: transit([
      [1, 2, 3],
      [2, 2, 3],
      [3, 2, 4],
      [4, 3, 4],
      [5, 3, 5],
      [6, 3, 5],
      [7, 4, 5],
      [8, 4, 7],
      [9, 5, 9],
    ]),
    reachesPoBox: true,
    reachesMilitary: true,
  },
  {
    id: "ltl-final-mile",
    carrier: "Tailroute Freight (sample LTL)",
    name: "LTL + final mile",
    mode: "FREIGHT",
    tier: "FREIGHT",
    // Priced by NMFC freight class (SAMPLE class tariff). The 300 in³/lb divisor and the weight card below are the
    // documented fallback used only when a card has no class rates.
    dimDivisor: 300,
    dimMinCubicIn: 0,
    limits: { maxWeightLb: 2000, maxLongestIn: 144, maxLengthPlusGirthIn: 400 },
    rateCard: {
      ...sampleRateCard(
        "LTL + final mile",
        Z1_8,
        [6900, 7900, 8900, 9900, 11900, 13900, 15900, 17900],
        [10, 11, 12, 14, 16, 18, 20, 22],
        2000,
        "PER_SHIPMENT",
        50,
      ),
      ltl: sampleLtlClassRates(Z1_8),
    },
    surcharges: [
      { code: "RESIDENTIAL", amount: { per: "SHIPMENT", cents: 4500 } },
      {
        code: "LIFTGATE",
        levels: ["THRESHOLD", "ROOM_OF_CHOICE", "WHITE_GLOVE"],
        amount: { per: "SHIPMENT", cents: 7500 },
      },
      {
        code: "APPOINTMENT",
        levels: ["THRESHOLD", "ROOM_OF_CHOICE", "WHITE_GLOVE"],
        amount: { per: "SHIPMENT", cents: 2500 },
      },
      {
        code: "INSIDE_DELIVERY",
        levels: ["ROOM_OF_CHOICE", "WHITE_GLOVE"],
        amount: { per: "PACKAGE", cents: 6500 },
      },
      { code: "WHITE_GLOVE", levels: ["WHITE_GLOVE"], amount: { per: "PACKAGE", cents: 14900 } },
      // SAMPLE limited-access list (a military academy's ZIP): deliveries there need a gate appointment.
      { code: "LIMITED_ACCESS", zips: ["10996"], amount: { per: "SHIPMENT", cents: 9500 } },
      { code: "PEAK", windows: PEAK_2026, amount: { per: "SHIPMENT", cents: 1500 } },
    ],
    fuelBasisPoints: 1800,
    holidays: { federal: "ALL" },
    transitByZone: transit([
      [1, 2, 3],
      [2, 2, 3],
      [3, 3, 5],
      [4, 3, 5],
      [5, 4, 6],
      [6, 4, 6],
      [7, 5, 8],
      [8, 5, 8],
    ]),
    excludedStates: [...NON_CONTIGUOUS, ...MILITARY],
    reachesPoBox: false,
    reachesMilitary: false,
    freight: { levels: ["THRESHOLD", "ROOM_OF_CHOICE", "WHITE_GLOVE"], appointmentLeadDays: 2 },
  },
];

// ───────────── the shop ─────────────

export const DEMO_SHOP_DOMAIN = "tailroute-demo.myshopify.com";

/** Demo catalogue variant ids (Shopify-like numeric ids), for fixtures and docs. */
export const DEMO_VARIANTS = {
  mug: "44012345670001",
  mugSet: "44012345670002",
  tee: "44012345670003",
  hoodie: "44012345670004",
  lamp: "44012345670005",
  coldBrewKit: "44012345670006",
  watch: "44012345670007",
  sofa: "44012345670101",
  diningTable: "44012345670102",
  mattress: "44012345670103",
  rug: "44012345670104",
} as const;

export const demoShopConfig: ShopConfig = {
  shop: DEMO_SHOP_DOMAIN,
  currency: "USD",
  warehouses,
  carrierServices,
  cartons: [
    {
      id: "box-s",
      name: "Small 8×6×4",
      lengthIn: 8,
      widthIn: 6,
      heightIn: 4,
      tareWeightOz: 4,
      maxWeightOz: 320,
    },
    {
      id: "box-m",
      name: "Medium 12×10×8",
      lengthIn: 12,
      widthIn: 10,
      heightIn: 8,
      tareWeightOz: 8,
      maxWeightOz: 640,
    },
    {
      id: "box-l",
      name: "Large 18×14×12",
      lengthIn: 18,
      widthIn: 14,
      heightIn: 12,
      tareWeightOz: 14,
      maxWeightOz: 800,
    },
    {
      id: "box-xl",
      name: "XL 24×18×18",
      lengthIn: 24,
      widthIn: 18,
      heightIn: 18,
      tareWeightOz: 24,
      maxWeightOz: 1040,
    },
    {
      id: "box-lamp",
      name: "Lamp 28×12×12",
      lengthIn: 28,
      widthIn: 12,
      heightIn: 12,
      tareWeightOz: 20,
      maxWeightOz: 640,
    },
  ],
  defaultBox: { lengthIn: 12, widthIn: 10, heightIn: 8, weightOz: 32 },
  productProfiles: [
    {
      variantId: DEMO_VARIANTS.mug,
      sku: "MUG-11OZ",
      name: "Ceramic mug 11 oz",
      lengthIn: 5,
      widthIn: 4,
      heightIn: 4,
      weightOz: 14,
      fragile: true,
    },
    {
      variantId: DEMO_VARIANTS.mugSet,
      sku: "MUG-SET-4",
      name: "Mug set of 4",
      lengthIn: 10,
      widthIn: 10,
      heightIn: 6,
      weightOz: 64,
      fragile: true,
    },
    {
      variantId: DEMO_VARIANTS.tee,
      sku: "TEE-M-BLK",
      name: "T-shirt, black, M",
      lengthIn: 10,
      widthIn: 8,
      heightIn: 1,
      weightOz: 6,
    },
    {
      variantId: DEMO_VARIANTS.hoodie,
      sku: "HOODIE-L-GRY",
      name: "Hoodie, grey, L",
      lengthIn: 12,
      widthIn: 10,
      heightIn: 3,
      weightOz: 24,
    },
    {
      variantId: DEMO_VARIANTS.lamp,
      sku: "LAMP-TBL-BRASS",
      name: "Brass table lamp",
      lengthIn: 26,
      widthIn: 10,
      heightIn: 10,
      weightOz: 112,
      fragile: true,
    },
    {
      variantId: DEMO_VARIANTS.coldBrewKit,
      sku: "COLD-BREW-KIT",
      name: "Cold brew kit (chilled)",
      lengthIn: 8,
      widthIn: 6,
      heightIn: 6,
      weightOz: 40,
      coldChain: true,
    },
    {
      variantId: DEMO_VARIANTS.watch,
      sku: "WATCH-CLASSIC",
      name: "Classic watch",
      lengthIn: 4,
      widthIn: 4,
      heightIn: 3,
      weightOz: 8,
      valuable: true,
    },
    {
      variantId: DEMO_VARIANTS.sofa,
      sku: "SOFA-3S-GREY",
      name: "Three-seat sofa, grey",
      lengthIn: 84,
      widthIn: 38,
      heightIn: 34,
      weightOz: 2400,
      bulky: true,
      // Upholstered: ships on its own skid and takes nothing on top.
      ownSkid: true,
      stackable: false,
    },
    {
      variantId: DEMO_VARIANTS.diningTable,
      sku: "TABLE-DIN-OAK",
      name: "Oak dining table",
      lengthIn: 72,
      widthIn: 40,
      heightIn: 8,
      weightOz: 1920,
      bulky: true,
    },
    {
      variantId: DEMO_VARIANTS.mattress,
      sku: "MATTRESS-Q-BOX",
      name: "Queen mattress in a box",
      lengthIn: 42,
      widthIn: 18,
      heightIn: 18,
      weightOz: 1200,
      shipAlone: true,
    },
    {
      variantId: DEMO_VARIANTS.rug,
      sku: "RUG-8X10",
      name: "Rolled rug 8×10",
      lengthIn: 100,
      widthIn: 12,
      heightIn: 12,
      weightOz: 640,
      shipAlone: true,
    },
  ],
  strategy: {
    kind: "BALANCED",
    costTargetBasisPoints: 1200,
    centsPerDay: 150,
    unreliabilityCents: 1000,
    laneStatsMinSamples: 20,
  },
  // SAMPLE: a $1.00 handling fee on top of carrier cost.
  markup: { basisPoints: 0, fixedCents: 100 },
  fallbackRates: [
    { serviceCode: "TR_EXPRESS", priceCents: 2999 },
    { serviceCode: "TR_STANDARD", priceCents: 1299 },
    { serviceCode: "TR_ECONOMY", priceCents: 899 },
    { serviceCode: "TR_FREIGHT_THRESHOLD", priceCents: 29900 },
    { serviceCode: "TR_FREIGHT_ROOM_OF_CHOICE", priceCents: 39900 },
    { serviceCode: "TR_FREIGHT_WHITE_GLOVE", priceCents: 54900 },
  ],
};
