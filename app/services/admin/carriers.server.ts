import type { Prisma, PrismaClient } from "@prisma/client";
import { CarrierServiceForm } from "../../contracts/admin-forms";
import { AddServiceForm, defaultServiceCode } from "../../contracts/add-service-form";
import { CARRIER_CATALOGUE, catalogueEntry, catalogueServiceDefaults } from "../../engine/catalogue";
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
export async function listCarrierServices(db: PrismaClient, shop: string, now: Date = new Date()) {
  const services = await db.carrierService.findMany({
    where: { shop },
    orderBy: { sortOrder: "asc" },
    include: {
      // The newest card is shown; a second one tells whether an older card still applies until it takes effect.
      rateCards: {
        orderBy: { effectiveFrom: "desc" },
        take: 2,
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
    catalogueId: s.catalogueId,
    cannotQuote: cannotQuoteReason(s, s.rateCards, now),
  }));
}

/**
 * Why a service gives no rate at checkout yet, or null when it can quote. Prices come only from the merchant's
 * rate card (CSV) — a connected carrier account is a later addition — so a service without one never quotes.
 */
export function cannotQuoteReason(
  service: { enabled: boolean },
  cards: { effectiveFrom: Date }[],
  now: Date,
): string | null {
  if (cards.length === 0) return "No rate card yet: upload your rate card CSV on the service's page";
  if (!service.enabled) return "Disabled: checkout does not offer it";
  const first = cards.reduce((a, b) => (a.effectiveFrom < b.effectiveFrom ? a : b));
  if (first.effectiveFrom > now)
    return `Its rate card takes effect on ${first.effectiveFrom.toISOString().slice(0, 10)}`;
  return null;
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
    cannotQuote: cannotQuoteReason(s, s.rateCards, new Date()),
    catalogue: catalogueSummary(s.catalogueId),
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

/** What the service page shows of the catalogue entry a service was added from (null: not from the catalogue). */
function catalogueSummary(catalogueId: string | null) {
  const entry = catalogueId ? catalogueEntry(catalogueId) : undefined;
  if (!entry) return null;
  const figures = [
    ...Object.values(entry.limits),
    entry.dim.divisor,
    entry.dim.minCubicIn,
    entry.reach.poBox,
    entry.reach.military,
    entry.pickup,
    entry.transitByZone,
    entry.surcharges,
  ];
  return {
    id: entry.id,
    name: entry.name,
    template: entry.template ?? false,
    surcharges: entry.surcharges.value,
    pickup: entry.pickup.value.label,
    poBox: entry.reach.poBox.value,
    military: entry.reach.military.value,
    sources: entry.sources,
    unverified: figures.filter((f) => !f.verified).length,
    figures: figures.length,
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

/**
 * The service page's action: a rate card CSV import (`intent=importRateCard`), disable / enable
 * (`intent=disable|enable`), delete (`intent=delete`, after the page's confirmation) or a settings save.
 */
export function carrierServiceAction(db: PrismaClient, shop: string, id: string, form: FormData) {
  switch (form.get("intent")) {
    case "importRateCard":
      return importRateCard(db, shop, id, String(form.get("csv") ?? ""));
    case "disable":
    case "enable":
      return setCarrierServiceEnabled(db, shop, id, form.get("intent") === "enable");
    case "delete":
      return deleteCarrierService(db, shop, id);
    default:
      return saveCarrierService(db, shop, id, form);
  }
}

// ───────────── services added from the built-in catalogue, disabled, deleted ─────────────

/** The catalogue as the "Add from catalogue" picker lists it. */
export function catalogueChoices() {
  return CARRIER_CATALOGUE.map((entry) => ({
    id: entry.id,
    name: entry.name,
    carrier: entry.carrier,
    mode: entry.mode,
    tier: entry.tier,
    template: entry.template ?? false,
    defaultCode: defaultServiceCode(entry.id),
  }));
}

/** The list page's data: this shop's services (with why some cannot quote) and the catalogue to add from. */
export async function carriersPage(db: PrismaClient, shop: string) {
  return { services: await listCarrierServices(db, shop), catalogue: catalogueChoices() };
}

const duplicateCode = (code: string, name: string) => ({
  ok: false as const,
  errors: { code: `a service with code "${code}" already exists (${name}); choose another code` },
});

/**
 * Creates a service from a catalogue entry, prefilled with the entry's limits, DIM rule, reach, transit template
 * and size surcharges (zero amounts), enabled but without a rate card — it quotes once the merchant uploads one.
 * A code this shop already uses is refused at `code` and nothing is written.
 */
export async function addFromCatalogue(
  db: PrismaClient,
  shop: string,
  form: FormData,
): Promise<SaveResult<{ id: string }>> {
  const catalogueId = text(form, "catalogueId");
  const parsed = AddServiceForm.safeParse({
    catalogueId,
    code: text(form, "code") || (catalogueId ? defaultServiceCode(catalogueId) : ""),
    name: text(form, "name") || (catalogueEntry(catalogueId)?.name ?? ""),
  });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { code, name } = parsed.data;
  const taken = await db.carrierService.findFirst({ where: { shop, code }, select: { name: true } });
  if (taken) return duplicateCode(code, taken.name);
  const d = catalogueServiceDefaults(catalogueEntry(parsed.data.catalogueId)!);
  const last = await db.carrierService.aggregate({ where: { shop }, _max: { sortOrder: true } });
  try {
    const [created] = await db.$transaction([
      db.carrierService.create({
        data: {
          shop,
          code,
          name,
          catalogueId: parsed.data.catalogueId,
          carrier: d.carrier,
          mode: d.mode,
          tier: d.tier,
          enabled: true,
          dimDivisor: d.dimDivisor,
          dimMinCubicIn: d.dimMinCubicIn,
          maxWeightLb: d.maxWeightLb,
          maxLongestIn: d.maxLongestIn,
          maxLengthPlusGirthIn: d.maxLengthPlusGirthIn,
          surcharges: json(d.surcharges),
          holidays: json({ federal: "ALL" }),
          transitByZone: json(d.transitByZone),
          reachesPoBox: d.reachesPoBox,
          reachesMilitary: d.reachesMilitary,
          ...(d.freight
            ? { freightLevels: json(d.freight.levels), appointmentLeadDays: d.freight.appointmentLeadDays }
            : {}),
          sortOrder: (last._max.sortOrder ?? -1) + 1,
        },
        select: { id: true },
      }),
      bumpConfigVersion(db, shop),
    ]);
    configSaved(shop);
    return { ok: true, message: `${name} added: upload its rate card to quote`, value: created };
  } catch (error) {
    // Two saves racing for the same code: the unique index refuses the second.
    if ((error as { code?: string }).code === "P2002") return duplicateCode(code, name);
    throw error;
  }
}

/** Disables or re-enables a service (a disabled one is kept, never quoted). Null when not this shop's. */
export async function setCarrierServiceEnabled(
  db: PrismaClient,
  shop: string,
  id: string,
  enabled: boolean,
): Promise<SaveResult | null> {
  const existing = await db.carrierService.findFirst({ where: { id, shop }, select: { name: true } });
  if (!existing) return null;
  await db.$transaction([
    db.carrierService.update({ where: { id, shop }, data: { enabled } }),
    bumpConfigVersion(db, shop),
  ]);
  configSaved(shop);
  return { ok: true, message: `${existing.name} ${enabled ? "enabled" : "disabled"}` };
}

/**
 * Deletes a service with its rate cards and warehouse links. Routing decisions keep the service's code, carrier
 * and name as text (RoutingDecision.serviceCode / carrier / service, and the plan JSON), so past orders stay
 * readable. Null when not this shop's.
 */
export async function deleteCarrierService(
  db: PrismaClient,
  shop: string,
  id: string,
): Promise<(SaveResult & { deleted: true }) | null> {
  const existing = await db.carrierService.findFirst({ where: { id, shop }, select: { name: true } });
  if (!existing) return null;
  await db.$transaction([db.carrierService.deleteMany({ where: { id, shop } }), bumpConfigVersion(db, shop)]);
  configSaved(shop);
  return { ok: true, message: `${existing.name} deleted`, deleted: true };
}

/** The list page's action: add a service from the catalogue. */
export function carriersAction(db: PrismaClient, shop: string, form: FormData) {
  return addFromCatalogue(db, shop, form);
}
