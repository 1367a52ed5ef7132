import type { PrismaClient } from "@prisma/client";
import { HANDOFF_VERSION, HandoffDocument, type PickList } from "../../contracts/warehouse-handoff";
import { readJsonColumn } from "../../db/json-column";
import { formatDay, localNow } from "../../engine/transit/day-number";
import { ENDED_UNSHIPPED, WITH_WAREHOUSE } from "./handoff-states";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day "YYYY-MM-DD" that exists (2026-02-30 does not). */
export function isShipDate(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * How many days back a pick list carries orders still unshipped (handed over, no tracking back): a week, so an order
 * the warehouse never confirms cannot stay on every list for good (docs/handoff.md).
 */
export const CARRY_OVER_DAYS = 7;

/** The day `days` before a "YYYY-MM-DD" day. */
function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

export type PickListAnswer = { ok: true; list: PickList } | { ok: false; status: 400 | 404; error: string };

/**
 * A warehouse's pick list for one ship date (its own time zone; default: today there): every handoff of this
 * shop to this warehouse with that ship date, cancelled and given-back ones left off, in order-name order, after the
 * orders of the `CARRY_OVER_DAYS` before still unshipped (marked `carriedOverFrom`). The warehouse is found by its id
 * (the admin) or key (the CLI), always within the shop: another shop's warehouse is a 404.
 */
export async function warehousePickList(
  db: PrismaClient,
  shop: string,
  warehouse: { id: string } | { key: string },
  shipDate: string | null,
  now: Date = new Date(),
): Promise<PickListAnswer> {
  const w = await db.warehouse.findFirst({
    where: { shop, ...warehouse },
    select: { key: true, name: true, timeZone: true },
  });
  if (!w) return { ok: false, status: 404, error: "no such warehouse in this shop" };
  const day = shipDate ?? formatDay(localNow(now, w.timeZone).day);
  if (!isShipDate(day)) return { ok: false, status: 400, error: "the date must be YYYY-MM-DD" };
  const rows = await db.warehouseHandoff.findMany({
    where: {
      shop,
      warehouseKey: w.key,
      OR: [
        // Cancelled orders and those the warehouse gave back (CLOSED) are not to be picked.
        { shipDate: day, state: { notIn: ENDED_UNSHIPPED } },
        // The week before's orders still waiting for the warehouse (no tracking back yet) are picked first.
        {
          shipDate: { gte: daysBefore(day, CARRY_OVER_DAYS), lt: day },
          state: { in: WITH_WAREHOUSE },
          trackingNumber: null,
        },
      ],
    },
    // "YYYY-MM-DD" sorts as text: the oldest carried-over orders first, then the day's.
    orderBy: [{ shipDate: "asc" }, { orderName: "asc" }, { createdAt: "asc" }],
  });
  const orders = rows.map((h) => ({
    ...readJsonColumn(HandoffDocument, h.document, { shop, id: h.id, column: "WarehouseHandoff.document" }),
    state: h.state,
    tracking: h.trackingNumber
      ? { company: h.trackingCompany, number: h.trackingNumber, url: h.trackingUrl }
      : null,
    carriedOverFrom: h.shipDate === day ? null : h.shipDate,
  }));
  return {
    ok: true,
    list: {
      version: HANDOFF_VERSION,
      shop,
      warehouse: { key: w.key, name: w.name },
      shipDate: day,
      generatedAt: now.toISOString(),
      orders,
    },
  };
}

/** The keys of the shop's handed-off warehouses (the CLI's pick list without `--warehouse`). */
export async function handedOffWarehouseKeys(db: PrismaClient, shop: string): Promise<string[]> {
  const rows = await db.warehouse.findMany({
    where: { shop, handoffEnabled: true },
    select: { key: true },
    orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
  });
  return rows.map((r) => r.key);
}
