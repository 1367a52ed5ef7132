// Pure: which rate to buy. The cheapest rate across the connected accounts whose carrier estimate still arrives by
// the promised latest day; the decided service's own rate when no estimate is given for it (docs/carriers.md).
import type { ProviderRate } from "../carrier-accounts/types";

export interface RateOption {
  accountId: string;
  providerRef: string;
  rate: ProviderRate;
}

export interface ComparedRate {
  accountId: string;
  carrier: string;
  service: string;
  amountCents: number;
  currency: string;
  deliveryDays: number | null;
  /** "YYYY-MM-DD" the estimate arrives, null without an estimate. */
  arrives: string | null;
  meetsWindow: boolean;
  decided: boolean;
  chosen: boolean;
}

/** `days` business days (Mon-Fri) after `from` (UTC calendar days), as "YYYY-MM-DD". */
export function addBusinessDays(from: Date, days: number): string {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

/**
 * Compares every rate and picks one: among rates arriving by `promisedMax` ("YYYY-MM-DD"), the cheapest (ties: the
 * faster, then the decided service). A rate without an estimate meets the window only when it is the decided
 * service (the engine promised that one). No promised day = every rate meets it.
 */
export function chooseRate(
  options: RateOption[],
  input: { today: Date; promisedMax: string | null; decided: { accountId: string; service: string } | null },
): { chosen: RateOption | null; comparison: ComparedRate[] } {
  const isDecided = (o: RateOption) =>
    !!input.decided && o.accountId === input.decided.accountId && o.rate.service === input.decided.service;
  const rows = options.map((o) => {
    const days = typeof o.rate.deliveryDays === "number" ? o.rate.deliveryDays : null;
    const arrives = days === null ? null : addBusinessDays(input.today, days);
    const meets =
      input.promisedMax === null || (arrives === null ? isDecided(o) : arrives <= input.promisedMax);
    return { option: o, days, arrives, meets, decided: isDecided(o) };
  });
  const candidates = rows
    .filter((r) => r.meets)
    .sort(
      (a, b) =>
        a.option.rate.amountCents - b.option.rate.amountCents ||
        (a.days ?? 99) - (b.days ?? 99) ||
        Number(b.decided) - Number(a.decided),
    );
  const chosen = candidates[0]?.option ?? null;
  return {
    chosen,
    comparison: rows
      .map((r) => ({
        accountId: r.option.accountId,
        carrier: r.option.rate.carrier,
        service: r.option.rate.service,
        amountCents: r.option.rate.amountCents,
        currency: r.option.rate.currency,
        deliveryDays: r.days,
        arrives: r.arrives,
        meetsWindow: r.meets,
        decided: r.decided,
        chosen: r.option === chosen,
      }))
      .sort((a, b) => a.amountCents - b.amountCents),
  };
}
