import { centsToDollarsInput, TIER_CODES } from "../../format";
import type { routingValues } from "../../services/admin/routing.server";

type Values = NonNullable<Awaited<ReturnType<typeof routingValues>>>;

const typed = (v: number | null) => (v === null ? "" : String(v));

/** The routing page's stored values as form fields: dollars from cents, one fallback field per tier. */
export function routingFormValues(values: Values): Record<string, string> {
  return {
    kind: values.kind,
    costTargetPercent: typed(values.costTargetPercent),
    dollarsPerDay: centsToDollarsInput(values.centsPerDay),
    markupPercent: String(values.markupPercent),
    markupFixed: centsToDollarsInput(values.markupFixedCents),
    remoteAreaZips: values.remoteAreaZips.join("\n"),
    remoteAreaFee: centsToDollarsInput(values.remoteAreaCents),
    freightFromWeight: typed(values.freightFromWeight),
    freightFromParcels: typed(values.freightFromParcels),
    ...Object.fromEntries(
      TIER_CODES.map((code) => [`fallback.${code}`, centsToDollarsInput(values.fallbackRates[code])]),
    ),
  };
}
