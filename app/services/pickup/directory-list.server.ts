import type { PrismaClient } from "@prisma/client";
import type { PickupPointRow } from "../../contracts/pickup-point";
import { StoredPickupHoursSchema } from "../../contracts/stored-json";
import { readJsonColumn } from "../../db/json-column";
import { containsText } from "../../db/portable.server";
import type { PickupNetwork } from "../../engine/pickup";

export interface ListPickupPointsOptions {
  /** 1-based. */
  page?: number;
  /** At most 200. Default 50. */
  pageSize?: number;
  network?: PickupNetwork;
  /** Matches name, city, ZIP or external id (substring). */
  search?: string;
}

/** A page of the shop's directory, ordered by network then name. */
export async function listPickupPoints(
  db: PrismaClient,
  shop: string,
  options: ListPickupPointsOptions = {},
): Promise<{ points: PickupPointRow[]; total: number; page: number; pageSize: number }> {
  const pageSize = Math.min(Math.max(Math.trunc(options.pageSize ?? 50), 1), 200);
  const page = Math.max(Math.trunc(options.page ?? 1), 1);
  const search = options.search?.trim();
  const where = {
    shop,
    ...(options.network ? { network: options.network } : {}),
    ...(search
      ? {
          OR: [
            { name: containsText(db, search) },
            { city: containsText(db, search) },
            { zip: { startsWith: search } },
            { externalId: containsText(db, search) },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db.pickupPoint.count({ where }),
    db.pickupPoint.findMany({
      where,
      orderBy: [{ network: "asc" }, { name: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return {
    total,
    page,
    pageSize,
    points: rows.map((r) => ({
      id: r.id,
      network: r.network as PickupNetwork,
      externalId: r.externalId,
      name: r.name,
      address1: r.address1,
      city: r.city,
      province: r.province,
      zip: r.zip,
      latitude: r.latitude,
      longitude: r.longitude,
      hours: readJsonColumn(StoredPickupHoursSchema, r.hours, {
        shop,
        column: "PickupPoint.hours",
        id: r.id,
      }),
      isSample: r.isSample,
      source: r.source,
      active: r.active,
    })),
  };
}
