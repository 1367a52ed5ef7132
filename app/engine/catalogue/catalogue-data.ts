import type { SurchargeCode, TransitRow } from "../types";
import type { CatalogueService, Sourced } from "./types";

// Pages the figures were checked against. Carrier pages first; third-party pages are named only in notes of
// figures marked `verified: false` (docs/carriers-catalogue.md lists every figure with its standing).
const UPS_LIMITS_PAGE = "http://www.ups.com/content/us/en/resources/ship/packaging/weight_size.html";
const UPS_DIM_PAGE = "http://www.ups.com/content/cb/en/resources/ship/packaging/dim_weight.html";
const USPS_DMM_C500 = "http://pe.usps.gov/Archive/HTML/DMMArchive0810/C500.htm";
const PIRATE_SHIP_UPS =
  "https://support.pirateship.com/en/articles/5613663-maximum-size-and-weight-limits-for-ups-services";
const AFMS_UPS_USPS = "https://afms.com/ups-usps-updates-2025-latest-shipping-rates";
const FEDEX_GUIDE_COPY = "http://www.scribd.com/doc/28746036/FedEx-packaging-guidelines";
const FEDEX_DIM_COPY =
  "https://help.propertyroom.com/support/solutions/articles/44001804965-dimensional-weight";
const FEDEX_GE_COPY = "https://legalclarity.org/fedex-ground-economy-rates-limits-and-restrictions/";
const FEDEX_GE_HELP =
  "https://mz01-production.nmbsolutions.ca/help/webhelp/Kewill/English/FedEx_Ground_Economy.html";
const USPS_DIM_COPY = "https://postaladvocate.com/upcoming-usps-rate-change-what-you-need-to-know/";
const USPS_LIMITS_COPY = "https://visualfoodie.com/package-limits-for-usps-ground-vs-priority-mail";
const USPS_TRANSIT_COPY = "https://eatsip365.com/comparing-each-usps-services-delivery-time";

const ok = <T>(value: T, source: string, note?: string): Sourced<T> =>
  note === undefined ? { value, verified: true, source } : { value, verified: true, source, note };
const unverified = <T>(value: T, note: string, source?: string): Sourced<T> =>
  source === undefined ? { value, verified: false, note } : { value, verified: false, note, source };

/** [zone, minDays, maxDays] rows for zones 1–8. */
const transit = (rows: [number, number, number][]): TransitRow[] =>
  rows.map(([zone, minDays, maxDays]) => ({ zone, minDays, maxDays }));
/** The same window in every zone (air services with a day-definite commitment). */
const flat = (minDays: number, maxDays: number) =>
  transit([1, 2, 3, 4, 5, 6, 7, 8].map((zone) => [zone, minDays, maxDays]));

const GROUND_TEMPLATE = transit([
  [1, 1, 1],
  [2, 1, 2],
  [3, 2, 3],
  [4, 3, 4],
  [5, 3, 4],
  [6, 4, 5],
  [7, 4, 5],
  [8, 5, 5],
]);
const DEFERRED_TEMPLATE = transit([
  [1, 2, 3],
  [2, 2, 3],
  [3, 2, 4],
  [4, 3, 5],
  [5, 3, 5],
  [6, 4, 6],
  [7, 5, 7],
  [8, 5, 7],
]);
const USPS_GROUND_TEMPLATE = transit([
  [1, 2, 2],
  [2, 2, 3],
  [3, 2, 3],
  [4, 3, 4],
  [5, 3, 4],
  [6, 4, 5],
  [7, 4, 5],
  [8, 5, 5],
]);
const PRIORITY_TEMPLATE = transit([
  [1, 1, 2],
  [2, 1, 2],
  [3, 1, 2],
  [4, 2, 3],
  [5, 2, 3],
  [6, 2, 3],
  [7, 3, 3],
  [8, 3, 3],
]);
const LTL_TEMPLATE = transit([
  [1, 2, 3],
  [2, 2, 3],
  [3, 3, 5],
  [4, 3, 5],
  [5, 4, 6],
  [6, 4, 6],
  [7, 5, 8],
  [8, 5, 8],
]);

const TRANSIT_NOTE =
  "template by zone: carriers publish transit per origin and destination ZIP (maps, calculators), not per zone; " +
  "the merchant adjusts it to their warehouse";
const PARCEL_SURCHARGES: SurchargeCode[] = [
  "RESIDENTIAL",
  "DELIVERY_AREA",
  "EXTENDED_DELIVERY_AREA",
  "REMOTE_AREA",
  "ADDITIONAL_HANDLING",
  "LARGE_PACKAGE",
  "PEAK",
  "FUEL",
];
const SURCHARGE_NOTE =
  "from the carrier's surcharge list in its rate and service guide, not re-read here; amounts are the merchant's contract";

// ───────────── UPS ─────────────

const upsLimits = {
  maxWeightLb: ok(150, UPS_LIMITS_PAGE),
  maxLongestIn: ok(108, UPS_LIMITS_PAGE),
  maxLengthPlusGirthIn: ok(165, UPS_LIMITS_PAGE),
};
const upsDim = {
  divisor: ok(139, UPS_DIM_PAGE, "UPS's dimensional-weight page (daily rates); retail rates use 166"),
  minCubicIn: ok(0, UPS_DIM_PAGE, "dimensional weight may apply to every UPS domestic package"),
};
const upsReach = {
  poBox: unverified(false, `UPS delivers to street addresses; third-party pages only (${AFMS_UPS_USPS})`),
  military: unverified(false, `APO/FPO/DPO are delivered by USPS only; third-party page (${AFMS_UPS_USPS})`),
};
const upsPickup = unverified(
  {
    networks: ["UPS_ACCESS_POINT" as const],
    label: "UPS Access Point (lockers, The UPS Store, retail partners)",
  },
  "UPS Access Point rules in docs/carrier-rules.md; not re-read on ups.com for this catalogue",
);

function ups(
  id: string,
  name: string,
  tier: CatalogueService["tier"],
  transitByZone: Sourced<TransitRow[]>,
): CatalogueService {
  return {
    id,
    carrier: "UPS",
    name,
    mode: "EXPRESS_PARCEL",
    tier,
    limits: upsLimits,
    dim: upsDim,
    reach: upsReach,
    pickup: upsPickup,
    transitByZone,
    surcharges: unverified(PARCEL_SURCHARGES, SURCHARGE_NOTE),
    sources: [UPS_LIMITS_PAGE, UPS_DIM_PAGE],
  };
}

// ───────────── FedEx ─────────────

const fedexGroundLimits = {
  maxWeightLb: unverified(
    150,
    `FedEx packaging guidelines seen only as a third-party copy (${FEDEX_GUIDE_COPY})`,
  ),
  maxLongestIn: unverified(
    108,
    `FedEx packaging guidelines seen only as a third-party copy (${FEDEX_GUIDE_COPY})`,
  ),
  maxLengthPlusGirthIn: unverified(
    165,
    `FedEx packaging guidelines seen only as a third-party copy (${FEDEX_GUIDE_COPY})`,
  ),
};
const fedexExpressLimits = {
  maxWeightLb: unverified(
    150,
    `FedEx Express U.S.: third-party copy of FedEx's guidelines (${FEDEX_GUIDE_COPY})`,
  ),
  maxLongestIn: unverified(
    119,
    `FedEx Express U.S.: third-party copy of FedEx's guidelines (${FEDEX_GUIDE_COPY})`,
  ),
  maxLengthPlusGirthIn: unverified(
    165,
    `FedEx Express U.S.: third-party copy of FedEx's guidelines (${FEDEX_GUIDE_COPY})`,
  ),
};
const fedexDim = {
  divisor: unverified(
    139,
    `quoted from the FedEx Service Guide by a third party (${FEDEX_DIM_COPY}); older copies say 166`,
  ),
  minCubicIn: unverified(
    0,
    `FedEx Ground applies dimensional weight to all packages since 2015 (third party: ${FEDEX_DIM_COPY})`,
  ),
};
const fedexNoPoBox = {
  poBox: unverified(false, "FedEx Ground / Express deliver to street addresses; not confirmed on fedex.com"),
  military: unverified(
    false,
    "APO/FPO/DPO only through FedEx Ground Economy's USPS hand-off; not confirmed on fedex.com",
  ),
};
const fedexPickup = unverified(
  {
    networks: ["FEDEX_HOLD_AT_LOCATION" as const],
    label: "FedEx Hold at Location (FedEx Office, Walgreens, Dollar General…)",
  },
  "FedEx Hold at Location rules in docs/carrier-rules.md; not re-read on fedex.com for this catalogue",
);

function fedex(
  id: string,
  name: string,
  tier: CatalogueService["tier"],
  limits: CatalogueService["limits"],
  transitByZone: Sourced<TransitRow[]>,
  surcharges: SurchargeCode[] = PARCEL_SURCHARGES,
): CatalogueService {
  return {
    id,
    carrier: "FEDEX",
    name,
    mode: "EXPRESS_PARCEL",
    tier,
    limits,
    dim: fedexDim,
    reach: fedexNoPoBox,
    pickup: fedexPickup,
    transitByZone,
    surcharges: unverified(surcharges, SURCHARGE_NOTE),
    sources: [FEDEX_GUIDE_COPY, FEDEX_DIM_COPY],
  };
}

// ───────────── USPS ─────────────

const uspsDim = {
  divisor: unverified(
    166,
    `USPS's 166 above one cubic foot is quoted by third parties (${USPS_DIM_COPY}); a third-party tool also claims ` +
      "USPS moved to 139 in July 2026 — check Notice 123 before relying on either",
  ),
  minCubicIn: unverified(
    1728,
    `dimensional weight only above 1,728 in³ (one cubic foot); third party (${USPS_DIM_COPY})`,
  ),
};
const uspsReach = {
  poBox: unverified(
    true,
    "USPS delivers to PO Boxes (it is the only carrier that can); not re-read on usps.com",
  ),
  military: unverified(true, "USPS carries APO/FPO/DPO mail (DMM 703); not re-read on pe.usps.com"),
};
const uspsPickup = unverified(
  { networks: ["USPS_HOLD_FOR_PICKUP" as const], label: "USPS Hold for Pickup at the Post Office" },
  "USPS Hold for Pickup rules in docs/carrier-rules.md; not re-read on usps.com for this catalogue",
);
const USPS_SURCHARGES = unverified<SurchargeCode[]>(
  ["PEAK"],
  "USPS has no residential, delivery-area or fuel surcharge; it adds nonstandard-size fees and holiday-season " +
    "price adjustments (mapped to PEAK). From USPS Notice 123 as summarised by third parties, not re-read",
);

function usps(
  id: string,
  name: string,
  tier: CatalogueService["tier"],
  limits: CatalogueService["limits"],
  transitByZone: Sourced<TransitRow[]>,
  sources: string[],
): CatalogueService {
  return {
    id,
    carrier: "USPS",
    name,
    mode: "POSTAL",
    tier,
    limits,
    dim: uspsDim,
    reach: uspsReach,
    pickup: uspsPickup,
    transitByZone,
    surcharges: USPS_SURCHARGES,
    sources,
  };
}

/**
 * The built-in carrier service catalogue: real US services with the carriers' published limits, DIM rules, reach,
 * pickup network, a transit template by zone and the surcharges each applies — every figure with its source or
 * marked `verified: false`. No prices: a service added from here quotes only with the merchant's own rate card.
 *
 * @example
 * CARRIER_CATALOGUE.find((s) => s.id === "UPS_GROUND")?.limits.maxWeightLb.value; // 150
 */
export const CARRIER_CATALOGUE: readonly CatalogueService[] = [
  ups(
    "UPS_GROUND",
    "UPS Ground",
    "STANDARD",
    unverified(GROUND_TEMPLATE, `${TRANSIT_NOTE}; UPS Ground is 1–5 business days`),
  ),
  {
    ...ups(
      "UPS_GROUND_SAVER",
      "UPS Ground Saver",
      "ECONOMY",
      unverified(
        DEFERRED_TEMPLATE,
        `${TRANSIT_NOTE}; Ground Saver is slower than Ground (about 2–7 business days)`,
      ),
    ),
    limits: {
      maxWeightLb: unverified(
        70,
        `Pirate Ship's summary of UPS Ground Saver (${PIRATE_SHIP_UPS}); not on ups.com here`,
      ),
      maxLongestIn: unverified(
        60,
        `Pirate Ship's summary of UPS Ground Saver (${PIRATE_SHIP_UPS}); not on ups.com here`,
      ),
      maxLengthPlusGirthIn: unverified(
        130,
        `Pirate Ship's summary of UPS Ground Saver (${PIRATE_SHIP_UPS}); not on ups.com here`,
      ),
    },
    sources: [UPS_LIMITS_PAGE, UPS_DIM_PAGE, PIRATE_SHIP_UPS, AFMS_UPS_USPS],
  },
  ups(
    "UPS_3_DAY_SELECT",
    "UPS 3 Day Select",
    "STANDARD",
    unverified(
      flat(3, 3),
      "UPS 3 Day Select: by the end of the third business day (UPS's service description, not re-read)",
    ),
  ),
  ups(
    "UPS_2ND_DAY_AIR",
    "UPS 2nd Day Air",
    "EXPRESS",
    unverified(
      flat(2, 2),
      "UPS 2nd Day Air: by the end of the second business day (UPS's service description, not re-read)",
    ),
  ),
  ups(
    "UPS_NEXT_DAY_AIR_SAVER",
    "UPS Next Day Air Saver",
    "EXPRESS",
    unverified(
      flat(1, 1),
      "UPS Next Day Air Saver: next business day, end of day (UPS's service description, not re-read)",
    ),
  ),

  fedex(
    "FEDEX_GROUND",
    "FedEx Ground",
    "STANDARD",
    fedexGroundLimits,
    unverified(GROUND_TEMPLATE, `${TRANSIT_NOTE}; FedEx Ground is 1–5 business days`),
  ),
  fedex(
    "FEDEX_HOME_DELIVERY",
    "FedEx Home Delivery",
    "STANDARD",
    {
      ...fedexGroundLimits,
      maxWeightLb: unverified(
        150,
        `older FedEx guidelines (third-party copy, ${FEDEX_GUIDE_COPY}) said 70 lb; current third-party summaries say 150 lb`,
      ),
    },
    unverified(GROUND_TEMPLATE, `${TRANSIT_NOTE}; FedEx Home Delivery is 1–5 business days to residences`),
  ),
  {
    ...fedex(
      "FEDEX_GROUND_ECONOMY",
      "FedEx Ground Economy",
      "ECONOMY",
      {
        maxWeightLb: unverified(70, `third party (${FEDEX_GE_COPY})`),
        maxLongestIn: unverified(
          108,
          "not found; the USPS parcel longest side stands in (the last mile may be USPS)",
        ),
        maxLengthPlusGirthIn: unverified(130, `third party (${FEDEX_GE_COPY})`),
      },
      unverified(
        DEFERRED_TEMPLATE,
        `${TRANSIT_NOTE}; FedEx Ground Economy is 2–7 business days (${FEDEX_GE_HELP})`,
      ),
      ["DELIVERY_AREA", "EXTENDED_DELIVERY_AREA", "REMOTE_AREA", "ADDITIONAL_HANDLING", "PEAK", "FUEL"],
    ),
    reach: {
      poBox: unverified(true, `delivers to PO Boxes through USPS (third-party help page: ${FEDEX_GE_HELP})`),
      military: unverified(
        true,
        `delivers to APO/FPO through USPS (third-party help page: ${FEDEX_GE_HELP})`,
      ),
    },
    sources: [FEDEX_GUIDE_COPY, FEDEX_DIM_COPY, FEDEX_GE_COPY, FEDEX_GE_HELP],
  },
  fedex(
    "FEDEX_EXPRESS_SAVER",
    "FedEx Express Saver",
    "STANDARD",
    fedexExpressLimits,
    unverified(flat(3, 3), "FedEx Express Saver: 3 business days (FedEx service description, not re-read)"),
  ),
  fedex(
    "FEDEX_2DAY",
    "FedEx 2Day",
    "EXPRESS",
    fedexExpressLimits,
    unverified(flat(2, 2), "FedEx 2Day: 2 business days (FedEx service description, not re-read)"),
  ),
  fedex(
    "FEDEX_STANDARD_OVERNIGHT",
    "FedEx Standard Overnight",
    "EXPRESS",
    fedexExpressLimits,
    unverified(
      flat(1, 1),
      "FedEx Standard Overnight: next business day (FedEx service description, not re-read)",
    ),
  ),

  usps(
    "USPS_GROUND_ADVANTAGE",
    "USPS Ground Advantage",
    "ECONOMY",
    {
      maxWeightLb: unverified(
        70,
        `third parties agree (${USPS_LIMITS_COPY}); DMM not re-read for Ground Advantage`,
      ),
      maxLongestIn: unverified(
        108,
        "USPS names no separate longest side for Ground Advantage; 108 in as for Priority Mail, length + girth caps it",
      ),
      maxLengthPlusGirthIn: unverified(
        130,
        `third parties agree (${USPS_LIMITS_COPY}); DMM not re-read for Ground Advantage`,
      ),
    },
    unverified(
      USPS_GROUND_TEMPLATE,
      `${TRANSIT_NOTE}; USPS states 2–5 business days (third party: ${USPS_TRANSIT_COPY})`,
    ),
    [USPS_LIMITS_COPY, USPS_DIM_COPY, USPS_TRANSIT_COPY],
  ),
  usps(
    "USPS_PRIORITY_MAIL",
    "USPS Priority Mail",
    "STANDARD",
    {
      maxWeightLb: unverified(70, `third parties agree (${USPS_LIMITS_COPY})`),
      maxLongestIn: unverified(108, "bounded by the 108 in length + girth"),
      maxLengthPlusGirthIn: unverified(108, `third parties agree (${USPS_LIMITS_COPY})`),
    },
    unverified(
      PRIORITY_TEMPLATE,
      `${TRANSIT_NOTE}; USPS states 1–3 business days (third party: ${USPS_TRANSIT_COPY})`,
    ),
    [USPS_LIMITS_COPY, USPS_DIM_COPY, USPS_TRANSIT_COPY],
  ),
  usps(
    "USPS_PRIORITY_MAIL_EXPRESS",
    "USPS Priority Mail Express",
    "EXPRESS",
    {
      maxWeightLb: ok(
        70,
        USPS_DMM_C500,
        "DMM C500 (Express Mail, the service's former name), an archived edition",
      ),
      maxLongestIn: ok(108, USPS_DMM_C500, "bounded by the 108 in length + girth of DMM C500"),
      maxLengthPlusGirthIn: ok(108, USPS_DMM_C500, "DMM C500 (Express Mail), an archived edition"),
    },
    unverified(flat(1, 2), `USPS states overnight to 2-day (third party: ${USPS_TRANSIT_COPY})`),
    [USPS_DMM_C500, USPS_DIM_COPY, USPS_TRANSIT_COPY],
  ),

  {
    id: "AMAZON_SHIPPING_GROUND",
    carrier: "AMAZON",
    name: "Amazon Shipping Ground",
    mode: "EXPRESS_PARCEL",
    tier: "STANDARD",
    limits: {
      maxWeightLb: unverified(
        50,
        "not found on an Amazon Shipping page; confirm in your Amazon Shipping account",
      ),
      maxLongestIn: unverified(
        59,
        "not found on an Amazon Shipping page; confirm in your Amazon Shipping account",
      ),
      maxLengthPlusGirthIn: unverified(
        130,
        "not found on an Amazon Shipping page; confirm in your Amazon Shipping account",
      ),
    },
    dim: {
      divisor: unverified(
        139,
        "not found on an Amazon Shipping page; the common commercial divisor stands in",
      ),
      minCubicIn: unverified(0, "not found on an Amazon Shipping page"),
    },
    reach: {
      poBox: unverified(false, "Amazon's own network delivers to street addresses; not confirmed"),
      military: unverified(false, "APO/FPO/DPO are USPS-only; not confirmed on an Amazon page"),
    },
    pickup: unverified(
      { networks: ["AMAZON_LOCKER"], label: "Amazon Hub Locker and Counter" },
      "Amazon Hub Locker rules in docs/carrier-rules.md; not re-read for this catalogue",
    ),
    transitByZone: unverified(
      GROUND_TEMPLATE,
      `${TRANSIT_NOTE}; Amazon Shipping Ground is about 1–5 days, 7 days a week`,
    ),
    surcharges: unverified<SurchargeCode[]>(
      ["DELIVERY_AREA", "ADDITIONAL_HANDLING", "LARGE_PACKAGE", "PEAK", "FUEL"],
      "not found on an Amazon Shipping page; confirm in your Amazon Shipping rate sheet",
    ),
    sources: ["https://shipping.amazon.com"],
  },

  {
    id: "REGIONAL_GROUND",
    carrier: "REGIONAL",
    name: "Regional carrier ground",
    mode: "EXPRESS_PARCEL",
    tier: "STANDARD",
    template: true,
    limits: {
      maxWeightLb: unverified(
        150,
        "template: the national carriers' parcel limit; enter your regional carrier's",
      ),
      maxLongestIn: unverified(
        108,
        "template: the national carriers' parcel limit; enter your regional carrier's",
      ),
      maxLengthPlusGirthIn: unverified(
        165,
        "template: the national carriers' parcel limit; enter your regional carrier's",
      ),
    },
    dim: {
      divisor: unverified(139, "template: the common commercial divisor; enter your contract's"),
      minCubicIn: unverified(0, "template value: replace it with your carrier contract's"),
    },
    reach: {
      poBox: unverified(false, "template: regional carriers deliver to street addresses"),
      military: unverified(false, "template: APO/FPO/DPO are USPS-only"),
    },
    pickup: unverified(
      { networks: [], label: "None (regional carriers rarely run a pickup network)" },
      "template value: replace it with your carrier contract's",
    ),
    transitByZone: unverified(
      transit([
        [1, 1, 1],
        [2, 1, 1],
        [3, 1, 2],
        [4, 2, 2],
        [5, 2, 3],
        [6, 3, 4],
        [7, 3, 5],
        [8, 4, 5],
      ]),
      "template: regional carriers are next-day inside their footprint; restrict served states on the service",
    ),
    surcharges: unverified(PARCEL_SURCHARGES, "template: the usual parcel surcharges"),
    sources: [UPS_LIMITS_PAGE],
  },

  {
    id: "LTL_FINAL_MILE",
    carrier: "LTL",
    name: "LTL + final mile",
    mode: "FREIGHT",
    tier: "FREIGHT",
    template: true,
    limits: {
      maxWeightLb: unverified(
        2000,
        "template: per shipment your LTL carrier and final-mile crew accept; set your contract's",
      ),
      maxLongestIn: unverified(
        144,
        "template: longest piece a two-person final-mile crew carries; set your contract's",
      ),
      maxLengthPlusGirthIn: unverified(
        400,
        "template: freight has no length + girth rule; a high bound keeps parcels' rule out",
      ),
    },
    dim: {
      divisor: unverified(
        300,
        "template: LTL is priced by class (density), not a DIM divisor; 300 in³/lb stands in",
      ),
      minCubicIn: unverified(0, "template value: replace it with your carrier contract's"),
    },
    reach: {
      poBox: unverified(false, "freight needs a street address and an appointment"),
      military: unverified(false, "freight does not reach APO/FPO/DPO"),
    },
    pickup: unverified(
      { networks: [], label: "Terminal pickup by arrangement (no locker network)" },
      "template value: replace it with your carrier contract's",
    ),
    transitByZone: unverified(LTL_TEMPLATE, `${TRANSIT_NOTE}; line-haul plus the final-mile appointment`),
    surcharges: unverified<SurchargeCode[]>(
      ["RESIDENTIAL", "LIFTGATE", "APPOINTMENT", "INSIDE_DELIVERY", "WHITE_GLOVE", "PEAK", "FUEL"],
      "the usual LTL accessorials (docs/carrier-rules.md); amounts are the merchant's contract",
    ),
    freight: { levels: ["THRESHOLD", "ROOM_OF_CHOICE", "WHITE_GLOVE"], appointmentLeadDays: 2 },
    sources: ["https://www.nmfta.org"],
  },
];
