/**
 * The NMFC density scale in force since NMFC Docket 2025-1 (effective 2025-07-19): 13 subprovisions from
 * density in pounds per cubic foot (pcf) to freight class. Each band's lower bound is inclusive ("30 but less
 * than 35 pcf → class 60"). Source, as data so it can be checked and replaced when the NMFTA changes it:
 * NMFTA, "NMFC Classification FAQs" (subs 11–13) and the docket summaries that list all 13 bands.
 */
export const NMFC_DENSITY_SCALE_SOURCE = {
  docket: "NMFC Docket 2025-1",
  effective: "2025-07-19",
  urls: [
    "https://help.nmfta.org/hc/en-us/articles/32790591446427-NMFC-Classification-FAQs",
    "https://cargotools.online/blog/nmfc-2025-changes-13-tier-density-scale.php",
  ],
} as const;

/** One band: densities ≥ `minPcf` (and below the next band's minimum) take `freightClass`. */
export interface DensityBand {
  minPcf: number;
  freightClass: number;
}

/** The 13 bands, densest last. Classes 50 and 55 are new in Docket 2025-1; 77.5, 110, 150 and 200 left the scale. */
export const NMFC_DENSITY_SCALE: readonly DensityBand[] = [
  { minPcf: 0, freightClass: 400 },
  { minPcf: 1, freightClass: 300 },
  { minPcf: 2, freightClass: 250 },
  { minPcf: 4, freightClass: 175 },
  { minPcf: 6, freightClass: 125 },
  { minPcf: 8, freightClass: 100 },
  { minPcf: 10, freightClass: 92.5 },
  { minPcf: 12, freightClass: 85 },
  { minPcf: 15, freightClass: 70 },
  { minPcf: 22.5, freightClass: 65 },
  { minPcf: 30, freightClass: 60 },
  { minPcf: 35, freightClass: 55 },
  { minPcf: 50, freightClass: 50 },
];

/** The 18 NMFC classes an item may carry as its own (commodity) class. */
export const NMFC_CLASSES: readonly number[] = [
  50, 55, 60, 65, 70, 77.5, 85, 92.5, 100, 110, 125, 150, 175, 200, 250, 300, 400, 500,
];

/**
 * Freight class of a density under the 13-tier scale. Never increases when density increases.
 *
 * @example
 * classForDensity(0.99); // 400
 * classForDensity(30); // 60
 * classForDensity(50); // 50
 */
export function classForDensity(densityPcf: number): number {
  let freightClass = NMFC_DENSITY_SCALE[0].freightClass;
  for (const band of NMFC_DENSITY_SCALE) {
    if (densityPcf >= band.minPcf) freightClass = band.freightClass;
    else break;
  }
  return freightClass;
}
