import type { PrismaClient } from "@prisma/client";
import { CartonForm } from "../../contracts/carton-form";
import { bumpConfigVersion, configSaved } from "./config-version.server";
import { bool, fieldErrors, num, text, type SaveResult } from "./form-data";
import { shopUnits } from "./settings.server";
import { fromInches, fromOunces, toInches, toOunces, type Units } from "./units";

type Dims = { lengthIn: number; widthIn: number; heightIn: number };
const sorted = (d: Dims) => [d.lengthIn, d.widthIn, d.heightIn].sort((a, b) => b - a);

/** True when `item` fits inside `carton` in some orientation (longest in longest, and so on). */
export function fitsInside(item: Dims, carton: Dims): boolean {
  const [i, c] = [sorted(item), sorted(carton)];
  return i.every((side, k) => side <= c[k]);
}

/**
 * A warning when a carton holds none of the shop's products that go in cartons (a carton too small for anything
 * is usually a typo: centimetres typed as inches, width and height swapped with a thin side), or null.
 */
export function cartonFitWarning(carton: Dims, products: (Dims & { name: string })[]): string | null {
  if (products.length === 0 || products.some((p) => fitsInside(p, carton))) return null;
  const smallest = products.reduce((a, b) =>
    a.lengthIn * a.widthIn * a.heightIn <= b.lengthIn * b.widthIn * b.heightIn ? a : b,
  );
  return `fits none of your ${products.length} product(s) — not even ${smallest.name} (${smallest.lengthIn} × ${smallest.widthIn} × ${smallest.heightIn} in)`;
}

/** Products that are packed into merchant cartons (not shipping alone, not freight-only). */
function packedProducts(db: PrismaClient, shop: string) {
  return db.productProfile.findMany({
    where: { shop, shipAlone: false, bulky: false },
    select: { name: true, lengthIn: true, widthIn: true, heightIn: true },
  });
}

/** The Cartons page: every carton (in the shop's display units) with its warehouses and a fit warning. */
export async function cartonsPage(db: PrismaClient, shop: string) {
  const [cartons, warehouses, units, products] = await Promise.all([
    db.carton.findMany({
      where: { shop },
      orderBy: { sortOrder: "asc" },
      include: { warehouses: { select: { warehouse: { select: { key: true, name: true } } } } },
    }),
    db.warehouse.findMany({
      where: { shop },
      orderBy: { sortOrder: "asc" },
      select: { key: true, name: true },
    }),
    shopUnits(db, shop),
    packedProducts(db, shop),
  ]);
  return {
    units,
    warehouses,
    cartons: cartons.map((c) => ({
      id: c.id,
      key: c.key,
      name: c.name,
      length: fromInches(c.lengthIn, units.dimensionUnit),
      width: fromInches(c.widthIn, units.dimensionUnit),
      height: fromInches(c.heightIn, units.dimensionUnit),
      tareWeight: fromOunces(c.tareWeightOz, units.weightUnit),
      maxWeight: fromOunces(c.maxWeightOz, units.weightUnit),
      active: c.active,
      warehouseKeys: c.warehouses.map((w) => w.warehouse.key),
      warehouseNames: c.warehouses.map((w) => w.warehouse.name),
      warning: cartonFitWarning(c, products),
    })),
  };
}

/** The form (display units) → the contract's shape in inches and ounces. */
export function parseCartonForm(form: FormData, units: Units) {
  const length = (name: string) => {
    const value = num(form, name);
    return value === undefined ? undefined : toInches(value, units.dimensionUnit);
  };
  const weight = (name: string) => {
    const value = num(form, name);
    return value === undefined ? undefined : toOunces(value, units.weightUnit);
  };
  return CartonForm.safeParse({
    key: text(form, "key"),
    name: text(form, "name"),
    lengthIn: length("length"),
    widthIn: length("width"),
    heightIn: length("height"),
    tareWeightOz: weight("tareWeight"),
    maxWeightOz: weight("maxWeight"),
    active: bool(form, "active"),
    warehouseKeys: form.getAll("warehouseKeys").map(String),
  });
}

/**
 * Creates (no `id`) or updates a carton with its warehouses, in one transaction with the config-version bump.
 * Invalid input → inline errors, nothing written; a key this shop already uses → error at `key`. A carton that
 * holds none of the shop's products is saved with a warning in the message. Null when `id` is not this shop's.
 */
export async function saveCarton(db: PrismaClient, shop: string, form: FormData): Promise<SaveResult | null> {
  const id = text(form, "id");
  const existing = id ? await db.carton.findFirst({ where: { id, shop }, select: { id: true } }) : null;
  if (id && !existing) return null;
  const parsed = parseCartonForm(form, await shopUnits(db, shop));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const f = parsed.data;
  const taken = await db.carton.findFirst({ where: { shop, key: f.key, NOT: id ? { id } : undefined } });
  if (taken)
    return { ok: false, errors: { key: `a carton with key "${f.key}" already exists (${taken.name})` } };
  const warehouses = await db.warehouse.findMany({
    where: { shop, key: { in: f.warehouseKeys } },
    select: { id: true, key: true },
  });
  const unknown = f.warehouseKeys.filter((key) => !warehouses.some((w) => w.key === key));
  if (unknown.length > 0)
    return { ok: false, errors: { warehouseKeys: `unknown warehouse ${unknown.join(", ")}` } };
  const data = {
    key: f.key,
    name: f.name,
    lengthIn: f.lengthIn,
    widthIn: f.widthIn,
    heightIn: f.heightIn,
    tareWeightOz: f.tareWeightOz,
    maxWeightOz: f.maxWeightOz,
    active: f.active,
  };
  const links = warehouses.map((w) => ({ warehouseId: w.id, shop }));
  const last = existing ? null : await db.carton.aggregate({ where: { shop }, _max: { sortOrder: true } });
  await db.$transaction([
    existing
      ? db.carton.update({
          where: { id: existing.id, shop },
          data: { ...data, warehouses: { deleteMany: {}, create: links } },
        })
      : db.carton.create({
          data: { shop, ...data, sortOrder: (last?._max.sortOrder ?? -1) + 1, warehouses: { create: links } },
        }),
    bumpConfigVersion(db, shop),
  ]);
  configSaved(shop);
  const warning = cartonFitWarning(f, await packedProducts(db, shop));
  return { ok: true, message: warning ? `${f.name} saved, but it ${warning}` : `${f.name} saved` };
}

/** Deactivates or reactivates a carton (kept, never packed into while inactive). Null when not this shop's. */
export async function setCartonActive(
  db: PrismaClient,
  shop: string,
  id: string,
  active: boolean,
): Promise<SaveResult | null> {
  const existing = await db.carton.findFirst({ where: { id, shop }, select: { name: true } });
  if (!existing) return null;
  await db.$transaction([
    db.carton.update({ where: { id, shop }, data: { active } }),
    bumpConfigVersion(db, shop),
  ]);
  configSaved(shop);
  return { ok: true, message: `${existing.name} ${active ? "reactivated" : "deactivated"}` };
}

/** Deletes a carton and its warehouse links. Null when not this shop's. */
export async function deleteCarton(db: PrismaClient, shop: string, id: string): Promise<SaveResult | null> {
  const existing = await db.carton.findFirst({ where: { id, shop }, select: { name: true } });
  if (!existing) return null;
  await db.$transaction([db.carton.deleteMany({ where: { id, shop } }), bumpConfigVersion(db, shop)]);
  configSaved(shop);
  return { ok: true, message: `${existing.name} deleted` };
}

/** The Cartons page's action: `intent=save` (create or edit), `deactivate`, `activate` or `delete` (by `id`). */
export function cartonsAction(db: PrismaClient, shop: string, form: FormData) {
  const id = text(form, "id");
  switch (form.get("intent")) {
    case "deactivate":
    case "activate":
      return setCartonActive(db, shop, id, form.get("intent") === "activate");
    case "delete":
      return deleteCarton(db, shop, id);
    default:
      return saveCarton(db, shop, form);
  }
}
