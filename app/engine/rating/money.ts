/**
 * `cents × basisPoints / 10 000`, rounded half away from zero to a whole cent. Every percentage in the engine
 * (fuel, markup, cost targets) goes through here so rounding is in one place.
 *
 * @example
 * applyBasisPoints(1234, 1550); // 191  (15.5 % of $12.34 = 191.27 → 191)
 * applyBasisPoints(1000, 1250); // 125
 */
export function applyBasisPoints(cents: number, basisPoints: number): number {
  const raw = (cents * basisPoints) / 10_000;
  return Math.sign(raw) * Math.round(Math.abs(raw) + 1e-9);
}

/**
 * Formats cents as dollars for explanations ("$3.10").
 *
 * @example
 * formatDollars(310); // "$3.10"
 */
export function formatDollars(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
