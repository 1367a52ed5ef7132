import { formatDollars } from "../engine/rating/money";

/**
 * Integer cents as people read them: "$12.34", "-$0.50". The one money formatter of the app; it is the engine's
 * own, so explanations, the admin, the CLI and buyer-facing text always agree.
 *
 * @example
 * formatMoney(1234); // "$12.34"
 * formatMoney(null); // "—"
 */
export function formatMoney(cents: number | null | undefined, missing = "—"): string {
  return cents === null || cents === undefined ? missing : formatDollars(cents);
}

/**
 * Cents as the value of a dollars input field ("12.34"; empty when unset), the inverse of the forms' dollars parser.
 *
 * @example
 * centsToDollarsInput(1250); // "12.50"
 * centsToDollarsInput(null); // ""
 */
export function centsToDollarsInput(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? "" : formatDollars(cents).replace("$", "");
}
