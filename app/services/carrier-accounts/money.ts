/**
 * A provider's decimal amount ("7.58", "12", "0.5") → integer cents, without floating point: the fraction is
 * rounded half up at the cent. Throws on anything that is not a plain non-negative decimal.
 */
export function decimalToCents(amount: string): number {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) throw new Error(`not a decimal amount: ${JSON.stringify(amount).slice(0, 40)}`);
  const fraction = (match[2] ?? "").padEnd(3, "0");
  const cents = Number(match[1]) * 100 + Number(fraction.slice(0, 2));
  return Number(fraction[2]) >= 5 ? cents + 1 : cents;
}

/** Cents → the decimal string providers expect ("7.58"). */
export const centsToDecimal = (cents: number) => (cents / 100).toFixed(2);

/** One decimal place, as EasyPost and Shippo take inches and ounces; never below 0.1. */
export const oneDecimal = (value: number) => Math.max(0.1, Math.round(value * 10) / 10);
