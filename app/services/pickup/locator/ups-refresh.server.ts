import type { PrismaClient } from "@prisma/client";
import type { PickupPointImport } from "../../../contracts/pickup-point";
import { locatorSearchAreas, type LocatorArea } from "../../../engine/pickup";
import { savePickupPoints } from "../directory-import.server";
import { recordUpsRefresh, upsLocatorConnection } from "./ups-account.server";
import { UpsLocatorProvider } from "./ups-locator";
import { fetchUpsAccessToken } from "./ups-oauth";
import { LocatorError } from "./types";

// "Refresh from UPS" (docs/pickup-points.md, "Pickup directory from UPS"): one OAuth token, one Locator search per
// delivery area, every Access Point found merged into the shop's directory in one write. Run by the
// `pickup.ups-refresh` job; the job's progress is one step per area.

/** Parcels of the last this many days decide which ZIP3s are the shop's delivery areas. */
export const DELIVERY_AREA_DAYS = 90;
/** Points asked per area (UPS Locator.yaml: MaximumListSize 1–50). */
export const POINTS_PER_AREA = 50;

export interface UpsRefreshOptions {
  now: Date;
  /** Overrides the environment's base URL (tests and the demo point it at a local fake). */
  baseUrl?: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  progress?: (step: { done: number; total: number; note: string }) => Promise<void>;
}

export type UpsRefreshOutcome =
  | { ok: true; areas: number; found: number; created: number; updated: number; skipped: number }
  /** Will not get better by trying again (no connection, credentials refused, no area): not retried. */
  | { ok: false; permanent: true; error: string };

/** The destination ZIP3s of the shop's parcels created in the last DELIVERY_AREA_DAYS, with their counts. */
export async function deliveredZip3s(db: PrismaClient, shop: string, now: Date) {
  const since = new Date(now.getTime() - DELIVERY_AREA_DAYS * 86_400_000);
  const groups = await db.shipment.groupBy({
    by: ["destZip3"],
    where: { shop, createdAt: { gte: since }, destZip3: { not: null } },
    _count: { _all: true },
  });
  return groups.flatMap((g) => (g.destZip3 ? [{ zip3: g.destZip3, parcels: g._count._all }] : []));
}

/** The areas a refresh of this shop searches now (also shown on the page before the merchant refreshes). */
export async function upsSearchAreas(
  db: PrismaClient,
  shop: string,
  settings: { metroZips: string[]; maxAreas: number },
  now: Date,
): Promise<LocatorArea[]> {
  return locatorSearchAreas({
    metroZips: settings.metroZips,
    deliveredZip3s: await deliveredZip3s(db, shop, now),
    maxAreas: settings.maxAreas,
  });
}

/** HTTP statuses that trying again later can fix (rate limit, UPS or the network down). */
const isTransient = (status: number) => status === 429 || status >= 500;

/**
 * Refreshes the shop's UPS Access Points. A refusal that retrying cannot fix (credentials refused: 401/403; a
 * request UPS calls invalid: 400) ends the refresh with `permanent` and is recorded on the connection; a rate limit
 * (429), a UPS 5xx or the network failing throws a LocatorError so the job tries again with backoff — recorded as
 * well, so the page says what happened meanwhile. Nothing is written unless every area was searched.
 */
export async function refreshFromUps(
  db: PrismaClient,
  shop: string,
  options: UpsRefreshOptions,
): Promise<UpsRefreshOutcome> {
  const connection = await upsLocatorConnection(db, shop, options.baseUrl);
  if (!connection) return { ok: false, permanent: true, error: "UPS is not connected for this shop" };
  const areas = await upsSearchAreas(db, shop, connection, options.now);
  if (areas.length === 0) {
    const error = `No delivery area yet: no parcel in the last ${DELIVERY_AREA_DAYS} days and no metro listed`;
    await recordUpsRefresh(db, shop, { error });
    return { ok: false, permanent: true, error };
  }
  const fail = async (error: unknown): Promise<UpsRefreshOutcome> => {
    const message = error instanceof Error ? error.message : String(error);
    const status = error instanceof LocatorError ? error.status : 500;
    await recordUpsRefresh(db, shop, {
      error: isTransient(status) ? `${message}; trying again` : message,
    });
    if (isTransient(status)) throw error instanceof Error ? error : new Error(message);
    return { ok: false, permanent: true, error: message };
  };

  await options.progress?.({ done: 0, total: areas.length, note: "Signing in to UPS" });
  let accessToken: string;
  try {
    ({ accessToken } = await fetchUpsAccessToken({
      baseUrl: connection.baseUrl,
      clientId: connection.clientId,
      clientSecret: connection.clientSecret,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    }));
  } catch (error) {
    return fail(error);
  }
  const provider = new UpsLocatorProvider({
    baseUrl: connection.baseUrl,
    accessToken: async () => accessToken,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const found = new Map<string, PickupPointImport>();
  let skipped = 0;
  for (const [index, area] of areas.entries()) {
    try {
      const result = await provider.search({
        zip: area.zip,
        city: area.city,
        province: area.state,
        // An area has no street: UPS requires AddressLine, so the city stands in (docs/pickup-points.md).
        address1: area.city,
        radiusMiles: connection.radiusMiles,
        limit: POINTS_PER_AREA,
      });
      // Areas overlap: a point found twice is kept once.
      for (const point of result.points) found.set(point.externalId, point);
      skipped += result.skipped.length;
    } catch (error) {
      return fail(error);
    }
    await options.progress?.({
      done: index + 1,
      total: areas.length,
      note: `Searched ${area.city} ${area.state} ${area.zip}: ${found.size} Access Points so far`,
    });
  }
  if (found.size === 0) {
    await recordUpsRefresh(db, shop, {
      at: options.now,
      summary: `UPS found no Access Point in ${areas.length} area(s)`,
    });
    return { ok: true, areas: areas.length, found: 0, created: 0, updated: 0, skipped };
  }
  const saved = await savePickupPoints(db, shop, [...found.values()], { source: "UPS_LOCATOR" });
  if (!saved.ok) return fail(new Error(saved.errors.map((e) => e.message).join("; ")));
  await recordUpsRefresh(db, shop, {
    at: options.now,
    summary: `${saved.imported} Access Points from ${areas.length} area(s): ${saved.created} new, ${saved.updated} updated${skipped ? `, ${skipped} unusable skipped` : ""}`,
  });
  return {
    ok: true,
    areas: areas.length,
    found: saved.imported,
    created: saved.created,
    updated: saved.updated,
    skipped,
  };
}
