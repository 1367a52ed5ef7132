import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { FREIGHT_LEVELS, WarehouseForm } from "../../contracts/admin-forms";
import { lookupZip, timeZoneForZip } from "../../engine/geo";
import type { DeliveryMode } from "../../engine/types";
import type { AdminGraphql } from "./admin-context.server";
import { bumpConfigVersion, configSaved } from "./config-version.server";
import { fieldErrors, list, num, text, type SaveResult } from "./form-data";
import { shopifyLocations, type ShopifyLocation } from "./shopify-locations.server";

/** A Shopify location not yet linked to a warehouse, as the "Add from Shopify locations" list shows it. */
export interface LocationChoice {
  id: string;
  name: string;
  address: string;
  /** The time zone its ZIP gives, or null when it has no US ZIP (it cannot be picked). */
  timeZone: string | null;
  /** Why it cannot be picked, when it cannot. */
  problem: string | null;
}

/** Where a location ships from: its ZIP (normalised), state (the location's, else the ZIP's) and time zone. */
export function locationOrigin(location: Pick<ShopifyLocation, "zip" | "provinceCode">) {
  const info = location.zip ? lookupZip(location.zip) : undefined;
  if (!info) return null;
  const state = (location.provinceCode ?? "").toUpperCase() || info.state;
  return { zip: info.zip, state, city: info.city, timeZone: timeZoneForZip(info.zip, state) };
}

/** A warehouse key from a location's name ("Edison NJ (East)" → "edison-nj-east"), unique among `taken`. */
export function warehouseKeyFor(name: string, taken: Set<string>): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 34) || "warehouse";
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}

async function linkedLocationIds(db: PrismaClient, shop: string) {
  const rows = await db.warehouse.findMany({
    where: { shop, shopifyLocationId: { not: null } },
    select: { shopifyLocationId: true },
  });
  return new Set(rows.map((r) => r.shopifyLocationId));
}

/**
 * The shop's active Shopify locations that no warehouse of the shop is linked to yet (every page of the Admin
 * API's `locations` connection), each with the time zone its ZIP gives.
 */
export async function locationChoices(
  db: PrismaClient,
  shop: string,
  graphql: AdminGraphql,
): Promise<{ choices: LocationChoice[]; error: string | null }> {
  const [{ locations, error }, linked] = await Promise.all([
    shopifyLocations(graphql),
    linkedLocationIds(db, shop),
  ]);
  const choices = locations
    .filter((l) => l.isActive && !linked.has(l.id))
    .map((l) => {
      const origin = locationOrigin(l);
      return {
        id: l.id,
        name: l.name,
        address: [l.address1, l.city, [l.provinceCode, l.zip].filter(Boolean).join(" ")]
          .filter(Boolean)
          .join(", "),
        timeZone: origin?.timeZone ?? null,
        problem: origin ? null : "no US ZIP code in Shopify: add this warehouse by hand",
      };
    });
  return { choices, error };
}

const PickForm = z.object({
  locationIds: z.array(z.string()).min(1, "pick at least one location"),
  cutoffLocalTime: WarehouseForm.shape.cutoffLocalTime,
  handlingDays: WarehouseForm.shape.handlingDays,
  modes: WarehouseForm.shape.modes,
});

/**
 * Creates one warehouse per picked Shopify location: address from the location as Shopify holds it (read again
 * here, never taken from the form), time zone from its ZIP, the cutoff, handling days and modes the merchant set,
 * linked to the location. Every pick is checked first; any error saves nothing. Ids that are not this shop's
 * locations, or that a warehouse already links, are refused at `locationIds`.
 */
export async function createWarehousesFromLocations(
  db: PrismaClient,
  shop: string,
  graphql: AdminGraphql,
  form: FormData,
): Promise<SaveResult<{ created: number }>> {
  const parsed = PickForm.safeParse({
    locationIds: form.getAll("locationIds").map(String),
    cutoffLocalTime: text(form, "cutoffLocalTime"),
    handlingDays: num(form, "handlingDays"),
    modes: list(form.getAll("modes").join(",")),
  });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { locations, error } = await shopifyLocations(graphql);
  if (error) return { ok: false, errors: { locationIds: error } };
  const [linked, existing] = await Promise.all([
    linkedLocationIds(db, shop),
    db.warehouse.findMany({ where: { shop }, select: { key: true } }),
  ]);
  const taken = new Set(existing.map((w) => w.key));
  const byId = new Map(locations.map((l) => [l.id, l]));
  const errors: Record<string, string> = {};
  const drafts: WarehouseForm[] = [];
  for (const id of new Set(parsed.data.locationIds)) {
    const location = byId.get(id);
    if (!location || !location.isActive || linked.has(id)) {
      errors.locationIds ??= "a picked location is not one of this shop's unlinked locations";
      continue;
    }
    const origin = locationOrigin(location);
    if (!origin) {
      errors[`locations.${id}`] = `${location.name}: no US ZIP code in Shopify`;
      continue;
    }
    const key = warehouseKeyFor(location.name, taken);
    taken.add(key);
    const draft = WarehouseForm.safeParse({
      id: key,
      name: location.name,
      address: {
        ...(location.address1 ? { address1: location.address1 } : {}),
        city: location.city || origin.city,
        state: origin.state,
        zip: origin.zip,
        country: "US",
      },
      timeZone: origin.timeZone,
      cutoffLocalTime: parsed.data.cutoffLocalTime,
      handlingDays: parsed.data.handlingDays,
      modes: parsed.data.modes as DeliveryMode[],
      shopifyLocationId: id,
      active: true,
      freightLevels: [...FREIGHT_LEVELS],
    });
    if (draft.success) drafts.push(draft.data);
    else
      errors[`locations.${id}`] = `${location.name}: ${Object.values(fieldErrors(draft.error)).join("; ")}`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const count = await db.warehouse.count({ where: { shop } });
  await db.$transaction([
    ...drafts.map((w, index) =>
      db.warehouse.create({
        data: {
          shop,
          sortOrder: count + index,
          key: w.id,
          name: w.name,
          address1: w.address.address1 ?? null,
          city: w.address.city,
          province: w.address.state,
          zip: w.address.zip,
          country: "US",
          timeZone: w.timeZone,
          cutoffLocalTime: w.cutoffLocalTime,
          handlingDays: w.handlingDays,
          offersExpressParcel: w.modes.includes("EXPRESS_PARCEL"),
          offersPostal: w.modes.includes("POSTAL"),
          offersFreight: w.modes.includes("FREIGHT"),
          ...(w.modes.includes("FREIGHT") ? { freightLevels: [...FREIGHT_LEVELS] } : {}),
          shopifyLocationId: w.shopifyLocationId,
          active: true,
        },
      }),
    ),
    bumpConfigVersion(db, shop),
  ]);
  configSaved(shop);
  const names = drafts.map((w) => w.name).join(", ");
  return {
    ok: true,
    message: `${drafts.length} warehouse${drafts.length === 1 ? "" : "s"} created: ${names}`,
    value: { created: drafts.length },
  };
}
