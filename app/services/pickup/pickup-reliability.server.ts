import type { PrismaClient } from "@prisma/client";
import { PickupReliabilityRuleSchema } from "../../contracts/pickup-reliability";
import {
  DEFAULT_PICKUP_RELIABILITY,
  pointReliability,
  type PickupReliabilityRule,
  type PointPickupStats,
  type PointReliability,
} from "../../engine/pickup";

// Per-point pickup figures for the "often uncollected" rule (docs/pickup-points.md, "Points buyers do not collect"):
// read from the tracking model (a shipment linked to a pickup point, picked up or sent back after its hold
// expired), scoped to the shop. The checkout's directory cache and the admin page read them here.

/** Finished holds of the last this many days count, so a point that improved is not flagged forever. */
export const RELIABILITY_WINDOW_DAYS = 180;

/** Finished holds per pickup point id: collected, or expired (returning or returned to the sender). */
export async function loadPointPickupStats(
  db: PrismaClient,
  shop: string,
  now: Date,
): Promise<Map<string, PointPickupStats>> {
  const since = new Date(now.getTime() - RELIABILITY_WINDOW_DAYS * 86_400_000);
  const groups = await db.shipment.groupBy({
    by: ["pickupPointId", "status", "returningToOrigin"],
    where: {
      shop,
      pickupPointId: { not: null },
      OR: [{ holdStartedAt: { gte: since } }, { holdStartedAt: null, statusAt: { gte: since } }],
      AND: [
        {
          OR: [
            { status: { in: ["PICKED_UP", "RETURN_TO_SENDER", "RETURNED"] } },
            { returningToOrigin: true },
          ],
        },
      ],
    },
    _count: { _all: true },
  });
  const stats = new Map<string, PointPickupStats>();
  for (const group of groups) {
    if (!group.pickupPointId) continue;
    const row = stats.get(group.pickupPointId) ?? { pickedUp: 0, expired: 0 };
    if (group.status === "PICKED_UP" && !group.returningToOrigin) row.pickedUp += group._count._all;
    else row.expired += group._count._all;
    stats.set(group.pickupPointId, row);
  }
  return stats;
}

/** The shop's rule, or the defaults when it never saved one. */
export async function loadPickupReliabilityRule(
  db: PrismaClient,
  shop: string,
): Promise<PickupReliabilityRule> {
  const row = await db.pickupReliabilitySetting.findUnique({ where: { shop } });
  if (!row) return DEFAULT_PICKUP_RELIABILITY;
  const parsed = PickupReliabilityRuleSchema.safeParse(row);
  return parsed.success ? parsed.data : DEFAULT_PICKUP_RELIABILITY;
}

/**
 * Saves the shop's rule (validated) and bumps Shop.configVersion so every instance's checkout cache ranks with it
 * on its next request. Errors are field paths + messages, nothing saved.
 */
export async function savePickupReliabilityRule(
  db: PrismaClient,
  shop: string,
  input: unknown,
): Promise<
  { ok: true; rule: PickupReliabilityRule } | { ok: false; errors: { path: string; message: string }[] }
> {
  const parsed = PickupReliabilityRuleSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ path: i.path.join(".") || "form", message: i.message })),
    };
  await db.$transaction([
    db.pickupReliabilitySetting.upsert({
      where: { shop },
      create: { shop, ...parsed.data },
      update: parsed.data,
    }),
    db.shop.update({ where: { shop }, data: { configVersion: { increment: 1 } } }),
  ]);
  return { ok: true, rule: parsed.data };
}

export interface FlaggedPoint extends PointReliability {
  id: string;
  name: string;
  network: string;
  city: string;
  province: string;
  pickedUp: number;
  expired: number;
}

/** The shop's points flagged under its rule, lowest pickup rate first (the admin's list). */
export async function oftenUncollectedPoints(
  db: PrismaClient,
  shop: string,
  rule: PickupReliabilityRule,
  now: Date,
): Promise<FlaggedPoint[]> {
  const stats = await loadPointPickupStats(db, shop, now);
  const flagged = [...stats].filter(([, s]) => pointReliability(s, rule).oftenUncollected);
  if (flagged.length === 0) return [];
  const points = await db.pickupPoint.findMany({
    where: { shop, id: { in: flagged.map(([id]) => id) } },
    select: { id: true, name: true, network: true, city: true, province: true },
  });
  return points
    .map((p) => {
      const s = stats.get(p.id)!;
      return { ...p, ...s, ...pointReliability(s, rule) };
    })
    .sort((a, b) => (a.pickupRatePercent ?? 0) - (b.pickupRatePercent ?? 0) || a.name.localeCompare(b.name));
}
