import type { Prisma, PrismaClient } from "@prisma/client";
import { RoutingForm, TIER_CODES } from "../../contracts/admin-forms";
import {
  StoredFallbackRatesSchema,
  StoredStrategyTuningSchema,
  StoredSurchargesSchema,
} from "../../contracts/stored-json";
import { readJsonColumn } from "../../db/json-column";
import type { SurchargeRule } from "../../engine/types";
import { bumpConfigVersion, configSaved } from "./config-version.server";
import { fieldErrors, list, num, text, type SaveResult, dollarsToCents } from "./form-data";
import { shopUnits } from "./settings.server";
import { fromOunces, toOunces, type Units } from "./units";

type RemoteRule = Extract<SurchargeRule, { zips: string[] }>;
const json = (value: unknown) => value as Prisma.InputJsonValue;

/** The routing page's values: strategy, markup, fallback rates and the remote-area ZIP list. */
export async function routingValues(db: PrismaClient, shop: string) {
  const settings = await db.shop.findUnique({ where: { shop } });
  if (!settings) return null;
  const services = await db.carrierService.findMany({
    where: { shop, mode: { not: "FREIGHT" } },
    select: { id: true, surcharges: true },
  });
  const remote = services
    .flatMap((s) =>
      readJsonColumn(StoredSurchargesSchema, s.surcharges, {
        shop,
        column: "CarrierService.surcharges",
        id: s.id,
      }),
    )
    .find((r): r is RemoteRule => r.code === "REMOTE_AREA");
  const tuning = readJsonColumn(StoredStrategyTuningSchema, settings.strategyTuning, {
    shop,
    column: "Shop.strategyTuning",
  });
  const units = await shopUnits(db, shop);
  const fallback = readJsonColumn(StoredFallbackRatesSchema, settings.fallbackRates, {
    shop,
    column: "Shop.fallbackRates",
  });
  return {
    kind: settings.routingStrategy,
    costTargetPercent: settings.costTargetBasisPoints === null ? null : settings.costTargetBasisPoints / 100,
    centsPerDay: tuning.centsPerDay ?? null,
    markupPercent: settings.markupBasisPoints / 100,
    markupFixedCents: settings.markupFixedCents,
    fallbackRates: Object.fromEntries(
      TIER_CODES.map((code) => [code, fallback.find((r) => r.serviceCode === code)?.priceCents ?? null]),
    ),
    remoteAreaZips: remote?.zips ?? [],
    remoteAreaCents: remote?.amount.cents ?? 0,
    parcelServices: services.length,
    weightUnit: units.weightUnit,
    /** In the shop's weight unit. */
    freightFromWeight:
      tuning.freightFromCartWeightLb === undefined
        ? null
        : fromOunces(tuning.freightFromCartWeightLb * 16, units.weightUnit),
    freightFromParcels: tuning.freightFromParcels ?? null,
  };
}

/** A weight typed in the shop's unit → pounds (2 decimals); undefined / NaN pass through for zod to name. */
function poundsOf(value: number | undefined, unit: Units["weightUnit"]) {
  return value === undefined || Number.isNaN(value)
    ? value
    : Math.round((toOunces(value, unit) / 16) * 100) / 100;
}

export function parseRoutingForm(form: FormData, weightUnit: Units["weightUnit"] = "LB") {
  const zipsUploaded = text(form, "remoteAreaZips");
  return RoutingForm.safeParse({
    kind: text(form, "kind"),
    costTargetPercent: num(form, "costTargetPercent") ?? null,
    centsPerDay: dollarsToCents(num(form, "dollarsPerDay")) ?? null,
    markupPercent: num(form, "markupPercent") ?? 0,
    markupFixedCents: dollarsToCents(num(form, "markupFixed")) ?? 0,
    fallbackRates: TIER_CODES.flatMap((code) => {
      const price = num(form, `fallback.${code}`);
      return price === undefined ? [] : [{ serviceCode: code, priceCents: dollarsToCents(price) }];
    }),
    remoteAreaZips: form.get("remoteAreaZips") === null ? null : list(zipsUploaded),
    remoteAreaCents: dollarsToCents(num(form, "remoteAreaFee")) ?? 0,
    freightFromCartWeightLb: poundsOf(num(form, "freightFromWeight"), weightUnit) ?? null,
    freightFromParcels: num(form, "freightFromParcels") ?? null,
  });
}

/**
 * Saves strategy (with the freight thresholds), markup and fallback rates on the shop, and the remote-area ZIP list as the REMOTE_AREA
 * surcharge of every parcel service, in one transaction with the config-version bump.
 */
export async function saveRouting(db: PrismaClient, shop: string, form: FormData): Promise<SaveResult> {
  const parsed = parseRoutingForm(form, (await shopUnits(db, shop)).weightUnit);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    // A bad price points at its tier's field.
    const priced = TIER_CODES.filter((code) => num(form, `fallback.${code}`) !== undefined);
    for (const key of Object.keys(errors).filter((k) => k.startsWith("fallbackRates."))) {
      errors[`fallback.${priced[Number(key.split(".")[1])]}`] = errors[key];
      delete errors[key];
    }
    // Point a bad ZIP at the list field, naming the offending value.
    for (const key of Object.keys(errors).filter((k) => k.startsWith("remoteAreaZips."))) {
      const index = Number(key.split(".")[1]);
      errors.remoteAreaZips ??= `"${list(text(form, "remoteAreaZips"))[index]}" (entry ${index + 1}): ${errors[key]}`;
      delete errors[key];
    }
    return { ok: false, errors };
  }
  const f = parsed.data;
  const settings = await db.shop.findUnique({ where: { shop }, select: { strategyTuning: true } });
  if (!settings) return { ok: false, errors: { form: "the shop is not installed" } };
  // A threshold without a freight service would leave heavy carts with no rate at all.
  if (f.freightFromCartWeightLb !== null || f.freightFromParcels !== null) {
    const freight = await db.carrierService.count({ where: { shop, mode: "FREIGHT", enabled: true } });
    if (freight === 0) {
      const message = "no freight service is enabled: enable one on the Carriers page first";
      return {
        ok: false,
        errors: {
          ...(f.freightFromCartWeightLb !== null ? { freightFromCartWeightLb: message } : {}),
          ...(f.freightFromParcels !== null ? { freightFromParcels: message } : {}),
        },
      };
    }
  }
  const tuning = {
    ...readJsonColumn(StoredStrategyTuningSchema, settings.strategyTuning, {
      shop,
      column: "Shop.strategyTuning",
    }),
    centsPerDay: f.centsPerDay ?? undefined,
    freightFromCartWeightLb: f.freightFromCartWeightLb ?? undefined,
    freightFromParcels: f.freightFromParcels ?? undefined,
  };
  const writes: Prisma.PrismaPromise<unknown>[] = [
    db.shop.update({
      where: { shop },
      data: {
        routingStrategy: f.kind,
        costTargetBasisPoints: f.costTargetPercent === null ? null : Math.round(f.costTargetPercent * 100),
        strategyTuning: json(JSON.parse(JSON.stringify(tuning))),
        markupBasisPoints: Math.round(f.markupPercent * 100),
        markupFixedCents: f.markupFixedCents,
        fallbackRates: json(f.fallbackRates),
      },
    }),
  ];
  if (f.remoteAreaZips !== null) {
    const services = await db.carrierService.findMany({
      where: { shop, mode: { not: "FREIGHT" } },
      select: { id: true, surcharges: true },
    });
    for (const s of services) {
      const stored = readJsonColumn(StoredSurchargesSchema, s.surcharges, {
        shop,
        column: "CarrierService.surcharges",
        id: s.id,
      });
      const rules: SurchargeRule[] = stored.filter((r) => r.code !== "REMOTE_AREA");
      const previous = stored.find((r): r is RemoteRule => r.code === "REMOTE_AREA");
      if (f.remoteAreaZips.length > 0)
        rules.push({
          code: "REMOTE_AREA",
          zips: f.remoteAreaZips,
          amount: { per: previous?.amount.per ?? "PACKAGE", cents: f.remoteAreaCents },
        });
      writes.push(db.carrierService.update({ where: { id: s.id, shop }, data: { surcharges: json(rules) } }));
    }
  }
  await db.$transaction([...writes, bumpConfigVersion(db, shop)]);
  configSaved(shop);
  return { ok: true, message: "Routing saved" };
}
