import { serviceLabel } from "../../format/service-label";
import { formatDollars } from "../rating";
import { optionPlan } from "./option-plan";
import type { ShipmentRating } from "../rating/types";
import type { Allocation, PlanCandidate, QuoteContext, ShipmentOption } from "./types";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

const cities = new Map<string, string>();

/** "Dallas, TX" → "Dallas" (memoised: warehouse labels are few). */
function city(label: string): string {
  let name = cities.get(label);
  if (name === undefined) {
    name = label.split(",")[0];
    if (cities.size > 1_000) cities.clear();
    cities.set(label, name);
  }
  return name;
}

const shipmentReasons = new WeakMap<ShipmentRating, (string | undefined)[]>();

/**
 * "UPS Ground from Dallas: zone 4, 1 package, 3 lb billable": the option's service, level, warehouse, zone and
 * packages. A rating is shared across quotes and stands for one service, level, zone and packing, so the line is
 * kept per rating and warehouse.
 */
function shipmentReason(ctx: QuoteContext, option: ShipmentOption): string {
  let byWarehouse = shipmentReasons.get(option.rating);
  if (!byWarehouse) {
    byWarehouse = [];
    shipmentReasons.set(option.rating, byWarehouse);
  }
  let reason = byWarehouse[option.warehouse.index];
  if (reason === undefined) {
    const plan = optionPlan(ctx, option);
    const billable = plan.packages.reduce((n, p) => n + p.billableLb, 0);
    const dim = plan.packages.some((p) => p.dimLb > p.actualLb) ? " (DIM weight)" : "";
    const level = plan.freightLevel ? ` ${plan.freightLevel.toLowerCase().replace(/_/g, " ")}` : "";
    const service = serviceLabel(plan.carrier, plan.serviceName);
    reason =
      `${service}${level} from ${city(plan.warehouseLabel)}: zone ${plan.zone}, ` +
      `${plural(plan.packages.length, "package")}, ${billable} lb billable${dim}`;
    byWarehouse[option.warehouse.index] = reason;
  }
  return reason;
}

/** Synced stock older than this is not claimed as "in stock". */
export const STOCK_CONFIRMED_FOR_MS = 24 * 3_600_000;

const instants = new Map<string, number>();

/** `Date.parse`, memoised: a warehouse's sync time is the same string quote after quote. */
function parsedInstant(text: string): number {
  let ms = instants.get(text);
  if (ms === undefined) {
    ms = Date.parse(text);
    if (instants.size > 1_000) instants.clear();
    instants.set(text, ms);
  }
  return ms;
}

/**
 * What a reason may say about stock for a plan: "in stock" only when every item it ships is tracked where it ships
 * from (a finite count in the warehouse's inventory) and that warehouse's stock was synced from Shopify within
 * `STOCK_CONFIRMED_FOR_MS`; "stock not confirmed" when the items are tracked but the stock is a configuration
 * snapshot or an old sync; nothing (null) when any item is untracked (no inventory map, or unlimited).
 */
function stockNote(ctx: QuoteContext, plan: PlanCandidate): "in stock" | "stock not confirmed" | null {
  if (!allTracked(plan.allocation)) return null;
  let confirmed = true;
  for (const shipment of plan.allocation) {
    const { stockSyncedAt } = shipment.warehouse.config;
    const syncedAt = stockSyncedAt ? parsedInstant(stockSyncedAt) : Number.NaN;
    if (!(ctx.now.getTime() - syncedAt <= STOCK_CONFIRMED_FOR_MS)) confirmed = false;
  }
  return confirmed ? "in stock" : "stock not confirmed";
}

const trackedAllocations = new WeakMap<Allocation, boolean>();

/**
 * Whether every item of the allocation is tracked where it ships from (a finite count in that warehouse's
 * inventory). Allocations belong to a cart plan, shared by the quotes of a cart, so this is asked once per plan.
 */
function allTracked(allocation: Allocation): boolean {
  let tracked = trackedAllocations.get(allocation);
  if (tracked === undefined) {
    tracked = allocation.every(({ warehouse, lines }) => {
      const { inventory } = warehouse;
      return (
        inventory !== undefined &&
        lines.every(({ resolved }) => {
          const id = resolved.line.variantId;
          return id !== undefined && Number.isFinite(inventory.get(id));
        })
      );
    });
    trackedAllocations.set(allocation, tracked);
  }
  return tracked;
}

/**
 * Short human reasons for a chosen plan, most important first: why this warehouse (against the best plan
 * from another one), or why a split; which service and zone; where transit came from; the cost target.
 *
 * @example
 * explainPlan(ctx, best, alternatives);
 * // ["Dallas, TX: zone 4 vs 7 from Edison, $3.10 cheaper, in stock", "UPS Ground: zone 4, 1 package, 3 lb billable", …]
 * // ("in stock" only for tracked items synced within a day; "stock not confirmed" for a snapshot: `stockNote`)
 */
export function explainPlan(
  ctx: QuoteContext,
  chosen: PlanCandidate,
  alternatives: readonly PlanCandidate[],
): string[] {
  const reasons: string[] = [];
  const note = stockNote(ctx, chosen);
  if (chosen.shipments.length === 1) {
    const mine = optionPlan(ctx, chosen.shipments[0]);
    const other = alternatives.find(
      (p) => p.shipments.length === 1 && p.shipments[0].warehouse !== chosen.shipments[0].warehouse,
    );
    const stock = note ? `, ${note}` : "";
    if (other) {
      const theirs = { zone: other.shipments[0].zone, warehouseLabel: other.shipments[0].warehouse.label };
      const diff = other.totalCents - chosen.totalCents;
      const faster = other.maxDay - chosen.maxDay;
      const money =
        diff > 0
          ? `${formatDollars(diff)} cheaper`
          : diff < 0
            ? `${formatDollars(-diff)} more`
            : "same price";
      const speed =
        faster > 0
          ? `, ${plural(faster, "day")} sooner`
          : faster < 0
            ? `, ${plural(-faster, "day")} later`
            : "";
      reasons.push(
        `${mine.warehouseLabel}: zone ${mine.zone} vs ${theirs.zone} from ${city(theirs.warehouseLabel)}, ${money}${speed}${stock}`,
      );
    } else if (ctx.compiled.warehouses.length > 1) {
      reasons.push(
        `${mine.warehouseLabel}: the only warehouse that can ship this` +
          (note === "in stock" ? " with everything in stock" : note ? ` (${note})` : ""),
      );
    } else {
      reasons.push(`${mine.warehouseLabel}: zone ${mine.zone}${stock}`);
    }
  } else {
    const parts = chosen.shipments.map((s) => {
      const plan = optionPlan(ctx, s);
      const units = plan.packages.reduce((n, p) => n + p.contents.reduce((m, c) => m + c.quantity, 0), 0);
      return `${plan.warehouseLabel}: ${plural(units, "item")}`;
    });
    reasons.push(
      `Split into ${chosen.shipments.length} shipments, no single warehouse has everything (${parts.join("; ")})`,
    );
  }
  for (const option of chosen.shipments) {
    reasons.push(shipmentReason(ctx, option));
    if (option.transit.source === "LANE_STATS") {
      reasons.push(
        `${option.transit.min}–${option.transit.max} business days from observed deliveries on this lane`,
      );
    }
  }
  if (ctx.targetCents !== undefined && ctx.orderValueCents > 0) {
    const share = ((chosen.totalCents / ctx.orderValueCents) * 100).toFixed(1);
    const target = ((ctx.compiled.strategy.costTargetBasisPoints ?? 0) / 100).toFixed(0);
    const verdict = chosen.totalCents <= ctx.targetCents ? "within" : "over";
    reasons.push(
      `Shipping ${formatDollars(chosen.totalCents)} is ${share}% of the order, ${verdict} the ${target}% target`,
    );
  }
  return reasons;
}
