import type { PrismaClient } from "@prisma/client";
import { FREIGHT_LEVELS, WarehouseForm } from "../../contracts/admin-forms";
import { StoredWarehouseFreightLevelsSchema } from "../../contracts/stored-json";
import { readJsonColumn } from "../../db/json-column";
import type { DeliveryMode, FreightLevel } from "../../engine/types";
import { bumpConfigVersion, configSaved } from "./config-version.server";
import { bool, fieldErrors, list, num, text, type SaveResult } from "./form-data";
import { isUniqueConstraintViolation, jsonDbNull } from "../../db/portable.server";

const MODES: DeliveryMode[] = ["EXPRESS_PARCEL", "POSTAL", "FREIGHT"];

/** The shop's warehouses for the list page. */
export function listWarehouses(db: PrismaClient, shop: string) {
  return db.warehouse.findMany({
    where: { shop },
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      key: true,
      name: true,
      city: true,
      province: true,
      zip: true,
      timeZone: true,
      cutoffLocalTime: true,
      handlingDays: true,
      offersExpressParcel: true,
      offersPostal: true,
      offersFreight: true,
      freightLevels: true,
      shopifyLocationId: true,
      active: true,
    },
  });
}

/**
 * A new warehouse's starting values: East-coast time zone, a 14:00 cutoff, one handling day, parcel and postal
 * (freight is opted into), every freight level ticked for when it is, active, not yet linked to a Shopify location.
 */
export function newWarehouseValues() {
  return {
    id: "",
    name: "",
    address: { address1: "", city: "", state: "", zip: "", country: "US" as const },
    timeZone: "America/New_York",
    cutoffLocalTime: "14:00",
    handlingDays: 1,
    modes: ["EXPRESS_PARCEL", "POSTAL"] as DeliveryMode[],
    shopifyLocationId: null as string | null,
    active: true,
    freightLevels: [...FREIGHT_LEVELS] as FreightLevel[],
  };
}

/** The edit page's values: a new warehouse's defaults for id "new", else the stored one (null when not this shop's). */
export async function warehouseEditValues(db: PrismaClient, shop: string, id: string) {
  return id === "new" ? newWarehouseValues() : warehouseFormValues(db, shop, id);
}

/** One warehouse as form values, or null when it is not this shop's. */
export async function warehouseFormValues(db: PrismaClient, shop: string, id: string) {
  const w = await db.warehouse.findFirst({ where: { id, shop } });
  if (!w) return null;
  return {
    id: w.key,
    name: w.name,
    address: {
      address1: w.address1 ?? "",
      city: w.city,
      state: w.province,
      zip: w.zip,
      country: "US" as const,
    },
    timeZone: w.timeZone,
    cutoffLocalTime: w.cutoffLocalTime,
    handlingDays: w.handlingDays,
    modes: MODES.filter(
      (m) => ({ EXPRESS_PARCEL: w.offersExpressParcel, POSTAL: w.offersPostal, FREIGHT: w.offersFreight })[m],
    ),
    shopifyLocationId: w.shopifyLocationId,
    active: w.active,
    // No list stored = every level (the checkboxes start all ticked).
    freightLevels:
      readJsonColumn(StoredWarehouseFreightLevelsSchema, w.freightLevels, {
        shop,
        id: w.id,
        column: "Warehouse.freightLevels",
      }) ?? ([...FREIGHT_LEVELS] as FreightLevel[]),
  };
}

/** Reads the warehouse form's fields into the contract's shape (validation is the contract's job). */
export function parseWarehouseForm(form: FormData) {
  return WarehouseForm.safeParse({
    id: text(form, "key"),
    name: text(form, "name"),
    address: {
      ...(text(form, "address1") ? { address1: text(form, "address1") } : {}),
      city: text(form, "city"),
      state: text(form, "state").toUpperCase(),
      zip: text(form, "zip"),
      country: "US",
    },
    timeZone: text(form, "timeZone"),
    cutoffLocalTime: text(form, "cutoffLocalTime"),
    handlingDays: num(form, "handlingDays"),
    modes: list(form.getAll("modes").join(",")),
    shopifyLocationId: text(form, "shopifyLocationId") || null,
    active: bool(form, "active"),
    freightLevels: form.getAll("freightLevels").map(String),
  });
}

const columns = (db: PrismaClient, w: WarehouseForm) => ({
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
  // Stored in the admin's order; without freight nothing is stored (null = every level).
  freightLevels: w.modes.includes("FREIGHT")
    ? FREIGHT_LEVELS.filter((level) => w.freightLevels.includes(level))
    : jsonDbNull(db),
  shopifyLocationId: w.shopifyLocationId,
  active: w.active,
});

/**
 * Creates (`id` = "new") or updates one of the shop's warehouses and bumps the config version, in one
 * transaction. Another shop's warehouse id is "not found", never updated.
 */
export async function saveWarehouse(
  db: PrismaClient,
  shop: string,
  id: string,
  form: FormData,
): Promise<SaveResult<{ id: string }> | null> {
  const parsed = parseWarehouseForm(form);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  if (!Intl.supportedValuesOf("timeZone").includes(parsed.data.timeZone))
    return { ok: false, errors: { timeZone: "pick a time zone from the list" } };
  const data = columns(db, parsed.data);
  if (id !== "new" && !(await db.warehouse.findFirst({ where: { id, shop }, select: { id: true } })))
    return null;
  try {
    if (id === "new") {
      const count = await db.warehouse.count({ where: { shop } });
      const [created] = await db.$transaction([
        db.warehouse.create({ data: { shop, sortOrder: count, ...data }, select: { id: true } }),
        bumpConfigVersion(db, shop),
      ]);
      configSaved(shop);
      return { ok: true, message: `Warehouse ${data.name} created`, value: created };
    }
    await db.$transaction([db.warehouse.update({ where: { id, shop }, data }), bumpConfigVersion(db, shop)]);
  } catch (error) {
    if (isUniqueConstraintViolation(error))
      return { ok: false, errors: { id: "another warehouse already uses this key" } };
    throw error;
  }
  configSaved(shop);
  return { ok: true, message: `Warehouse ${data.name} saved`, value: { id } };
}
