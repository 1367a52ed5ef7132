import { centsToDollarsInput } from "../../format";
import type { carrierServiceDetail } from "../../services/admin/carriers.server";

type Values = NonNullable<Awaited<ReturnType<typeof carrierServiceDetail>>>["values"];

/** A service's stored settings as the edit form's field values (numbers as typed text, lists one per line). */
export function carrierFormValues(values: Values) {
  return {
    name: values.name,
    enabled: values.enabled,
    tier: values.tier as string,
    dimDivisor: String(values.dimDivisor),
    dimMinCubicIn: String(values.dimMinCubicIn),
    maxWeightLb: String(values.maxWeightLb),
    maxLongestIn: String(values.maxLongestIn),
    maxLengthPlusGirthIn: String(values.maxLengthPlusGirthIn),
    fuelPercent: String(values.fuelPercent),
    peakWindows: values.peakWindows.map((w) => `${w.from} ${w.to}`).join("\n"),
    peakCents: String(values.peakCents),
    federalHolidays: values.federalHolidays as string,
    extraClosedDates: values.extraClosedDates.join("\n"),
    warehouseKeys: values.warehouseKeys,
    markupPercent: values.markupPercent === null ? "" : String(values.markupPercent),
    markupFixed: centsToDollarsInput(values.markupFixedCents),
  };
}

export type CarrierFormValues = ReturnType<typeof carrierFormValues>;
