import type { Prisma, PrismaClient } from "@prisma/client";
import { z } from "zod";
import type { CsvLineError } from "../../contracts/rate-card-csv";
import { StoredSurchargesSchema } from "../../contracts/stored-json";
import { zipListFromText } from "../../contracts/zip-list";
import { readJsonColumn } from "../../db/json-column";
import type { SurchargeRule } from "../../engine/types";
import { bumpConfigVersion, configSaved } from "./config-version.server";
import { dollarsToCents, fieldErrors, num, text } from "./form-data";
import type { FieldErrors } from "../../components/form-kit/field-errors";

// A service's delivery-area surcharge lists (DAS, extended DAS, remote): shown per service and imported from the
// ZIP lists carriers publish (docs/admin.md#surcharge-areas).

export const AREA_CODES = ["DELIVERY_AREA", "EXTENDED_DELIVERY_AREA", "REMOTE_AREA"] as const;
export type AreaCode = (typeof AREA_CODES)[number];
type AreaRule = Extract<SurchargeRule, { code: AreaCode }>;

export const AREA_LABELS: Record<AreaCode, string> = {
  DELIVERY_AREA: "Delivery area surcharge (DAS)",
  EXTENDED_DELIVERY_AREA: "Extended delivery area",
  REMOTE_AREA: "Remote area",
};

/** Largest upload accepted (every US ZIP5 with a ZIP+4 and a comma is under 1 MB). */
export const ZIP_LIST_MAX_BYTES = 2_000_000;

export interface SurchargeAreaSummary {
  code: AreaCode;
  label: string;
  zip5: number;
  zip3: number;
  amountCents: number | null;
  per: "PACKAGE" | "SHIPMENT" | null;
  source: string | null;
}

export type SurchargeAreaImportResult =
  | { ok: true; message: string; zip5: number; zip3: number }
  | { ok: false; errors: FieldErrors; lineErrors?: CsvLineError[] };

const isArea = (rule: SurchargeRule): rule is AreaRule =>
  (AREA_CODES as readonly string[]).includes(rule.code);

async function serviceSurcharges(db: PrismaClient, shop: string, serviceId: string) {
  const service = await db.carrierService.findFirst({
    where: { id: serviceId, shop },
    select: { id: true, code: true, name: true, carrier: true, surcharges: true },
  });
  if (!service) return null;
  const rules = readJsonColumn(StoredSurchargesSchema, service.surcharges, {
    shop,
    column: "CarrierService.surcharges",
    id: service.id,
  }) as SurchargeRule[];
  return { service, rules };
}

/** The service and its three area lists (counts, amount, where each list came from); null when not this shop's. */
export async function surchargeAreasPage(db: PrismaClient, shop: string, serviceId: string) {
  const found = await serviceSurcharges(db, shop, serviceId);
  if (!found) return null;
  const { service, rules } = found;
  const areas: SurchargeAreaSummary[] = AREA_CODES.map((code) => {
    const rule = rules.filter(isArea).find((r) => r.code === code);
    return {
      code,
      label: AREA_LABELS[code],
      zip5: rule?.zips.filter((z) => z.length === 5).length ?? 0,
      zip3: rule?.zips.filter((z) => z.length === 3).length ?? 0,
      amountCents: rule?.amount.cents ?? null,
      per: rule?.amount.per ?? null,
      source: rule?.source ?? null,
    };
  });
  return {
    service: { id: service.id, code: service.code, name: service.name, carrier: service.carrier },
    areas,
  };
}

const ImportForm = z.object({
  code: z.enum(AREA_CODES, { message: "choose which surcharge the list is for" }),
  mode: z.enum(["REPLACE", "MERGE"], { message: "choose replace or merge" }),
  amountCents: z
    .number({ message: "enter the surcharge in dollars" })
    .int()
    .nonnegative("the surcharge cannot be negative")
    .optional(),
  per: z.enum(["PACKAGE", "SHIPMENT"]).default("PACKAGE"),
  fileName: z.string().max(120).default(""),
  list: z.string().max(ZIP_LIST_MAX_BYTES, "the file is over 2 MB"),
});

/**
 * Imports a ZIP list into one of the service's area surcharges, replacing or merging with the list it has. Any
 * bad line → nothing is saved and every bad line is reported. The amount is required when the service has no
 * such surcharge yet, and otherwise changes it only when given. Returns null when the service is not this shop's.
 */
export async function importSurchargeAreas(
  db: PrismaClient,
  shop: string,
  serviceId: string,
  form: FormData,
  now: Date = new Date(),
): Promise<SurchargeAreaImportResult | null> {
  const found = await serviceSurcharges(db, shop, serviceId);
  if (!found) return null;
  const parsed = ImportForm.safeParse({
    code: text(form, "code") || undefined,
    mode: text(form, "mode") || undefined,
    amountCents: dollarsToCents(num(form, "amount")),
    per: text(form, "per") || undefined,
    fileName: text(form, "fileName"),
    list: String(form.get("list") ?? ""),
  });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const input = parsed.data;
  const { zip5, zip3, errors } = zipListFromText(input.list);
  if (errors.length > 0) {
    return {
      ok: false,
      errors: { list: `${errors.length} lines to fix — nothing saved` },
      lineErrors: errors,
    };
  }
  const existing = found.rules.filter(isArea).find((r) => r.code === input.code);
  const amount = input.amountCents ?? existing?.amount.cents;
  if (amount === undefined) {
    return {
      ok: false,
      errors: { amountCents: "enter the surcharge: this service has no such surcharge yet" },
    };
  }
  const imported = [...zip5, ...zip3];
  const zips = input.mode === "MERGE" && existing ? [...new Set([...existing.zips, ...imported])] : imported;
  const source = `${input.fileName || "pasted list"}, ${input.mode === "MERGE" && existing ? "merged" : "imported"} ${now.toISOString().slice(0, 10)}`;
  const rule: AreaRule = {
    code: input.code,
    zips,
    amount: {
      per: input.amountCents === undefined && existing ? existing.amount.per : input.per,
      cents: amount,
    },
    source,
  };
  const rules = [...found.rules.filter((r) => r.code !== input.code), rule];
  await db.$transaction([
    db.carrierService.update({
      where: { id: found.service.id },
      data: { surcharges: rules as unknown as Prisma.InputJsonValue },
    }),
    bumpConfigVersion(db, shop),
  ]);
  configSaved(shop);
  const count = (n: number, one: string, many: string) =>
    `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
  return {
    ok: true,
    message: `${AREA_LABELS[input.code]}: ${count(zips.filter((z) => z.length === 5).length, "ZIP", "ZIPs")} and ${count(zips.filter((z) => z.length === 3).length, "prefix", "prefixes")} (${input.mode === "MERGE" ? "merged" : "replaced"})`,
    zip5: zip5.length,
    zip3: zip3.length,
  };
}
