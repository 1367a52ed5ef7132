// Was the product page's promise kept? The product block kept the windows it showed in the `_tailroute_promise`
// cart attribute; the order carries it (note_attributes) into the routing input. An order counts once all its
// shipments are delivered: kept when the last delivery's day, on the buyer's calendar, is not after the latest
// day the page promised for the tier the buyer then chose at checkout. Pure.
import type { PagePromise } from "../../contracts/storefront-promise";
import { localNow, parseDay } from "../../engine/transit";

export interface PromiseKeptOrder {
  /** The tier the buyer chose at checkout (the decision's service code). */
  serviceCode: string | null;
  pagePromise: PagePromise | null;
  /** Every shipment of the order; `deliveredAt` null while one is not delivered yet. */
  shipments: { deliveredAt: Date | null; timeZone: string }[];
}

export interface PromiseKept {
  /** Delivered orders whose product page showed a window for the tier chosen. */
  promised: number;
  kept: number;
  /** kept / promised in percent (one decimal), null without any. */
  percent: number | null;
}

/** The page's latest promised day for the chosen tier, or null when the page showed none for it. */
export function promisedLatestDay(order: PromiseKeptOrder): string | null {
  if (!order.pagePromise || !order.serviceCode) return null;
  return order.pagePromise.speeds.find((s) => s.code === order.serviceCode)?.to ?? null;
}

/** The share of delivered orders whose product-page promise was met. */
export function promiseKept(orders: PromiseKeptOrder[]): PromiseKept {
  let promised = 0;
  let kept = 0;
  for (const order of orders) {
    const latest = promisedLatestDay(order);
    if (latest === null || order.shipments.length === 0) continue;
    if (order.shipments.some((s) => !s.deliveredAt)) continue;
    const latestDay = parseDay(latest);
    promised += 1;
    if (order.shipments.every((s) => localNow(s.deliveredAt!, s.timeZone).day <= latestDay)) kept += 1;
  }
  return { promised, kept, percent: promised ? Math.round((kept / promised) * 1000) / 10 : null };
}
