import type { Prisma, PrismaClient } from "@prisma/client";
import { CarrierServiceForm } from "../../contracts/admin-forms";
import { StoredHolidaysSchema, StoredSurchargesSchema } from "../../contracts/stored-json";
import { readJsonColumn } from "../../db/json-column";
import type { SurchargeRule } from "../../engine/types";
import { bumpConfigVersion, configSaved } from "./config-version.server";
import { bool, fieldErrors, list, num, text, type SaveResult, dollarsToCents } from "./form-data";
import { importRateCard } from "./rate-cards.server";
import { rateCardTable } from "./rate-card-row.server";

type PeakRule = Extract<SurchargeRule, { code: "PEAK" }>;
const json = (value: unknown) => value as Prisma.InputJsonValue;

/** Services with their active card and warehouses, for the list page. */
export async function listCarrierServices(db: PrismaClient, shop: string) {
  const services = await db.carrierService.findMany({
    where: { shop },
    orderBy: { sortOrder: "asc" },
    include: {
      rateCards: {
        orderBy: { effectiveFrom: "desc" },
        take: 1,
        select: { name: true, isSample: true, effectiveFrom: true },
      },
      warehouses: { select: { warehouse: { select: { name: true } } } },
    },
  });
  return services.map((s) => ({
    id: s.id,
    code: s.code,
    carrier: s.carrier,
    name: s.name,
    mode: s.mode,
    tier: s.tier,
    enabled: s.enabled,
    fuelPercent: s.fuelBasisPoints / 100,
    /** Null = the shop's markup applies. */
    markup:
      s.markupBasisPoints === null && s.markupFixedCents === null
        ? null
        : { percent: (s.markupBasisPoints ?? 0) / 100, fixedCents: s.markupFixedCents ?? 0 },
    rateCard: s.rateCards[0] ?? null,
    warehouses: s.warehouses.map((w) => w.warehouse.name),
  }));
}

/** One service as form values (plus what the page shows around the form), or null when not this shop's. */
export async function carrierServiceDetail(db: PrismaClient, shop: string, id: string) {
  const s = await db.carrierService.findFirst({
    where: { id, shop },
    include: {
      rateCards: { orderBy: { effectiveFrom: "desc" }, take: 1 },
      warehouses: { select: { warehouse: { select: { key: true } } } },
    },
  });
  if (!s) return null;
  const warehouses = await db.warehouse.findMany({
    where: { shop },
    orderBy: { sortOrder: "asc" },
    select: { key: true, name: true },
  });
  const ref = (column: string) => ({ shop, column: `CarrierService.${column}`, id: s.id });
  const surcharges = readJsonColumn(StoredSurchargesSchema, s.surcharges, ref("surcharges"));
  const peak = surcharges.find((r): r is PeakRule => r.code === "PEAK");
  const holidays = readJsonColumn(StoredHolidaysSchema, s.holidays, ref("holidays"));
  const card = s.rateCards[0] ?? null;
  return {
    service: { id: s.id, code: s.code, carrier: s.carrier, mode: s.mode },
    values: {
      name: s.name,
      enabled: s.enabled,
      tier: s.tier,
      dimDivisor: s.dimDivisor,
      dimMinCubicIn: s.dimMinCubicIn,
      maxWeightLb: s.maxWeightLb,
      maxLongestIn: s.maxLongestIn,
      maxLengthPlusGirthIn: s.maxLengthPlusGirthIn,
      fuelPercent: s.fuelBasisPoints / 100,
      peakWindows: peak?.windows ?? [],
      peakCents: peak?.amount.cents ?? 0,
      federalHolidays: holidays.federal === "NONE" ? "NONE" : "ALL",
      extraClosedDates: holidays.extraClosedDates ?? [],
      warehouseKeys: s.warehouses.map((w) => w.warehouse.key),
      markupPercent: s.markupBasisPoints === null ? null : s.markupBasisPoints / 100,
      markupFixedCents: s.markupFixedCents,
    },
    warehouses,
    rateCard: card
      ? {
          name: card.name,
          isSample: card.isSample,
          basis: card.basis as "PER_PACKAGE" | "PER_SHIPMENT",
          effectiveFrom: card.effectiveFrom.toISOString(),
          ...rateCardTable(card, shop),
        }
      : null,
  };
}

/** Peak windows as the form sends them: one "YYYY-MM-DD YYYY-MM-DD" (or "from,to") per line. */
function peakWindows(value: string) {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [from = "", to = ""] = line.split(/[\s,]+|\s*(?:–|to|\.\.)\s*/).filter(Boolean);
      return { from, to };
    });
}

export function parseCarrierServiceForm(form: FormData) {
  return CarrierServiceForm.safeParse({
    name: text(form, "name"),
    enabled: bool(form, "enabled"),
    tier: text(form, "tier"),
    dimDivisor: num(form, "dimDivisor"),
    dimMinCubicIn: num(form, "dimMinCubicIn"),
    maxWeightLb: num(form, "maxWeightLb"),
    maxLongestIn: num(form, "maxLongestIn"),
    maxLengthPlusGirthIn: num(form, "maxLengthPlusGirthIn"),
    fuelPercent: num(form, "fuelPercent"),
    peakWindows: peakWindows(text(form, "peakWindows")),
    peakCents: num(form, "peakCents") ?? 0,
    federalHolidays: text(form, "federalHolidays"),
    extraClosedDates: list(text(form, "extraClosedDates")),
    warehouseKeys: form.getAll("warehouseKeys").map(String),
    markupPercent: num(form, "markupPercent") ?? null,
    markupFixedCents: dollarsToCents(num(form, "markupFixed")) ?? null,
  });
}

/**
 * Saves a service's settings (with its own markup, if any), its peak surcharge and which warehouses ship with it, in one transaction with
 * the config-version bump. Returns null when the service is not this shop's.
 */
export async function saveCarrierService(
  db: PrismaClient,
  shop: string,
  id: string,
  form: FormData,
): Promise<SaveResult | null> {
  const existing = await db.carrierService.findFirst({ where: { id, shop } });
  if (!existing) return null;
  const parsed = parseCarrierServiceForm(form);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const f = parsed.data;
  const warehouses = await db.warehouse.findMany({
    where: { shop, key: { in: f.warehouseKeys } },
    select: { id: true, key: true },
  });
  const unknown = f.warehouseKeys.filter((key) => !warehouses.some((w) => w.key === key));
  if (unknown.length > 0)
    return { ok: false, errors: { warehouseKeys: `unknown warehouse ${unknown.join(", ")}` } };

  const stored = readJsonColumn(StoredSurchargesSchema, existing.surcharges, {
    shop,
    column: "CarrierService.surcharges",
    id: existing.id,
  });
  const surcharges: SurchargeRule[] = stored.filter((r) => r.code !== "PEAK");
  const oldPeak = stored.find((r): r is PeakRule => r.code === "PEAK");
  if (f.peakWindows.length > 0)
    surcharges.push({
      code: "PEAK",
      windows: f.peakWindows,
      amount: { per: oldPeak?.amount.per ?? "PACKAGE", cents: f.peakCents },
    });
  // One of the two set = this service has its own markup (the other part is 0); neither = the shop's applies.
  const ownMarkup = f.markupPercent !== null || f.markupFixedCents !== null;
  const holidays = {
    federal: f.federalHolidays,
    ...(f.extraClosedDates.length > 0 ? { extraClosedDates: f.extraClosedDates } : {}),
  };
  await db.$transaction([
    db.carrierService.update({
      where: { id, shop },
      data: {
        name: f.name,
        enabled: f.enabled,
        tier: f.tier,
        dimDivisor: f.dimDivisor,
        dimMinCubicIn: f.dimMinCubicIn,
        maxWeightLb: f.maxWeightLb,
        maxLongestIn: f.maxLongestIn,
        maxLengthPlusGirthIn: f.maxLengthPlusGirthIn,
        fuelBasisPoints: Math.round(f.fuelPercent * 100),
        surcharges: json(surcharges),
        holidays: json(holidays),
        markupBasisPoints: ownMarkup ? Math.round((f.markupPercent ?? 0) * 100) : null,
        markupFixedCents: ownMarkup ? (f.markupFixedCents ?? 0) : null,
      },
    }),
    db.warehouseService.deleteMany({ where: { shop, carrierServiceId: id } }),
    db.warehouseService.createMany({
      data: warehouses.map((w) => ({ shop, warehouseId: w.id, carrierServiceId: id })),
    }),
    bumpConfigVersion(db, shop),
  ]);
  configSaved(shop);
  return { ok: true, message: `${f.name} saved` };
}

/** The service page's action: a rate card CSV import (`intent=importRateCard`) or a settings save. */
export function carrierServiceAction(db: PrismaClient, shop: string, id: string, form: FormData) {
  return form.get("intent") === "importRateCard"
    ? importRateCard(db, shop, id, String(form.get("csv") ?? ""))
    : saveCarrierService(db, shop, id, form);
}
