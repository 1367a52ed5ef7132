import Papa from "papaparse";
import type { HandoffPackage, PickList } from "../../contracts/warehouse-handoff";

/** The pick list's CSV columns: one row per line to pick, the order's fields repeated on each of its rows. */
export const PICK_LIST_CSV_COLUMNS = [
  "order",
  "handoff_id",
  "fulfillment_order_id",
  "sku",
  "title",
  "quantity",
  "service_code",
  "mode",
  "carrier",
  "service",
  "freight_level",
  "ship_date",
  "promised_min",
  "promised_max",
  "pickup_point",
  "packages",
  "ship_to_name",
  "ship_to_company",
  "ship_to_address1",
  "ship_to_address2",
  "ship_to_city",
  "ship_to_province",
  "ship_to_zip",
  "ship_to_country",
  "ship_to_phone",
  "merchant_message",
  "state",
  "tracking_number",
  "carried_over_from",
] as const;

/** Each planned package as "LxWxH in W oz", in plan order: "12x10x8 in 36 oz; 48x40x30 in 1200 oz". */
export function packagesText(packages: HandoffPackage[]): string {
  return packages.map((p) => `${p.lengthIn}x${p.widthIn}x${p.heightIn} in ${p.weightOz} oz`).join("; ");
}

/** The chosen pickup point as a warehouse reads it: network, point id and name, or "" when shipped to the door. */
export function pickupPointText(point: unknown): string {
  if (!point || typeof point !== "object") return "";
  const p = point as Record<string, unknown>;
  const parts = [p.network, p.externalId ?? p.pointId, p.name].filter(
    (v): v is string => typeof v === "string" && v !== "",
  );
  return parts.length ? parts.join(" · ") : JSON.stringify(point);
}

/**
 * A cell a spreadsheet would run as a formula (=, @, or + / - not followed by a phone number) gets a leading
 * quote: names and addresses come from buyers.
 */
const FORMULA = /^[=@\t\r]|^[+-](?!\d[\d\s().-]*$)/;

/** The pick list as CSV (papaparse quotes what needs quoting); the header is written even for an empty day. */
export function pickListCsv(list: PickList): string {
  const rows: string[][] = [];
  for (const o of list.orders) {
    const r = o.routing;
    const order = [o.order.name ?? o.order.id, o.handoffId, o.fulfillmentOrder.id];
    const tail = [
      r?.serviceCode ?? "",
      r?.mode ?? "",
      r?.carrier ?? "",
      r?.service ?? "",
      r?.freightLevel ?? "",
      r?.shipDate ?? list.shipDate,
      r?.promisedWindow?.min ?? "",
      r?.promisedWindow?.max ?? "",
      pickupPointText(r?.pickupPoint),
      packagesText(r?.packages ?? []),
      o.shipTo.name ?? "",
      o.shipTo.company ?? "",
      o.shipTo.address1 ?? "",
      o.shipTo.address2 ?? "",
      o.shipTo.city ?? "",
      o.shipTo.province ?? "",
      o.shipTo.zip ?? "",
      o.shipTo.countryCode ?? "",
      o.shipTo.phone ?? "",
      o.merchantMessage ?? "",
      o.state,
      o.tracking?.number ?? "",
      o.carriedOverFrom ?? "",
    ];
    for (const line of o.fulfillmentOrder.lineItems)
      rows.push([...order, line.sku ?? "", line.title, String(line.quantity), ...tail]);
  }
  return `${Papa.unparse({ fields: [...PICK_LIST_CSV_COLUMNS], data: rows }, { escapeFormulae: FORMULA })}\r\n`;
}
