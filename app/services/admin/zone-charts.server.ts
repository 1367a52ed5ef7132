import type { Prisma, PrismaClient } from "@prisma/client";
import type { CsvLineError } from "../../contracts/rate-card-csv";
import { zoneChartFromCsv } from "../../contracts/zone-chart-csv";
import { bumpConfigVersion, configSaved } from "./config-version.server";

/** Largest zone chart file accepted (a UPS chart for one origin is a few KB). */
export const ZONE_CHART_MAX_BYTES = 1_000_000;

export type ZoneChartImportResult =
  { ok: true; message: string; ranges: number } | { ok: false; lineErrors: CsvLineError[] };

export interface ZoneChartImport {
  /** CarrierService.code and Warehouse.key. */
  serviceCode: string;
  warehouseKey: string;
  /** Who published the chart ("UPS", "FedEx", "USPS"). */
  source: string;
  csv: string;
  /** The service's zone column in the file (e.g. "Ground"); optional when the file has one zone column. */
  column?: string;
  /** The origin ZIP3 the chart was published for; defaults to the warehouse's. Must be the warehouse's. */
  originZip3?: string;
  fileName?: string;
}

/**
 * Imports a carrier's zone chart for one warehouse (origin) and one of the shop's carrier services, replacing the
 * previous chart of that pair. Any bad line, an unknown service or warehouse, or a chart for another origin → nothing
 * is saved and the problems come back as line errors (line 0 = about the import itself, not a line of the file).
 */
export async function importZoneChart(
  db: PrismaClient,
  shop: string,
  input: ZoneChartImport,
): Promise<ZoneChartImportResult> {
  const fail = (message: string, line = 0): ZoneChartImportResult => ({
    ok: false,
    lineErrors: [{ line, message }],
  });
  if (input.csv.length > ZONE_CHART_MAX_BYTES) return fail("the file is over 1 MB", 1);
  const [service, warehouse] = await Promise.all([
    db.carrierService.findFirst({ where: { shop, code: input.serviceCode }, select: { id: true } }),
    db.warehouse.findFirst({ where: { shop, key: input.warehouseKey }, select: { zip: true } }),
  ]);
  if (!service) return fail(`no carrier service "${input.serviceCode}" in ${shop}`);
  if (!warehouse) return fail(`no warehouse "${input.warehouseKey}" in ${shop}`);
  const warehouseZip3 = warehouse.zip.slice(0, 3);
  const originZip3 = input.originZip3 ?? warehouseZip3;
  if (originZip3 !== warehouseZip3)
    return fail(
      `the chart is for origin ${originZip3} but warehouse ${input.warehouseKey} ships from ${warehouseZip3}`,
    );
  const source = input.source.trim();
  if (source === "") return fail("name who published the chart (UPS, FedEx, USPS…)");
  const { ranges, errors } = zoneChartFromCsv(input.csv, input.column ? { column: input.column } : {});
  if (!ranges) return { ok: false, lineErrors: errors };
  const data = {
    originZip3,
    source,
    ranges: ranges as unknown as Prisma.InputJsonValue,
    fileName: input.fileName ?? null,
    importedAt: new Date(),
  };
  await db.$transaction([
    db.zoneChart.upsert({
      where: {
        shop_serviceCode_warehouseKey: {
          shop,
          serviceCode: input.serviceCode,
          warehouseKey: input.warehouseKey,
        },
      },
      create: { shop, serviceCode: input.serviceCode, warehouseKey: input.warehouseKey, ...data },
      update: data,
    }),
    bumpConfigVersion(db, shop),
  ]);
  configSaved(shop);
  return {
    ok: true,
    ranges: ranges.length,
    message: `Zone chart imported: ${source} for origin ${originZip3}, ${ranges.length} destination ranges`,
  };
}

/** The shop's imported zone charts (without their ranges), for lists. */
export function listZoneCharts(db: PrismaClient, shop: string) {
  return db.zoneChart.findMany({
    where: { shop },
    select: {
      serviceCode: true,
      warehouseKey: true,
      originZip3: true,
      source: true,
      fileName: true,
      importedAt: true,
    },
    orderBy: [{ serviceCode: "asc" }, { warehouseKey: "asc" }],
  });
}

/** Removes a chart: that warehouse and service go back to the distance estimate. */
export async function deleteZoneChart(
  db: PrismaClient,
  shop: string,
  serviceCode: string,
  warehouseKey: string,
) {
  const { count } = await db.zoneChart.deleteMany({ where: { shop, serviceCode, warehouseKey } });
  if (count > 0) {
    await bumpConfigVersion(db, shop);
    configSaved(shop);
  }
  return count > 0;
}

/** The zone-charts page of one carrier service: each active warehouse with the chart it has, if any. */
export async function zoneChartsPage(db: PrismaClient, shop: string, serviceId: string) {
  const service = await db.carrierService.findFirst({
    where: { id: serviceId, shop },
    select: { id: true, code: true, name: true, carrier: true },
  });
  if (!service) return null;
  const [warehouses, charts] = await Promise.all([
    db.warehouse.findMany({
      where: { shop, active: true },
      select: { key: true, name: true, zip: true },
      orderBy: { name: "asc" },
    }),
    listZoneCharts(db, shop),
  ]);
  return {
    service,
    warehouses: warehouses.map((w) => {
      const chart = charts.find((c) => c.serviceCode === service.code && c.warehouseKey === w.key);
      return {
        key: w.key,
        name: w.name,
        originZip3: w.zip.slice(0, 3),
        chart: chart
          ? { source: chart.source, fileName: chart.fileName, importedAt: chart.importedAt.toISOString() }
          : null,
      };
    }),
  };
}

/** The page's action: `intent=import` (warehouseKey, source, column?, fileName?, csv) or `intent=delete`. */
export async function zoneChartsAction(db: PrismaClient, shop: string, serviceId: string, form: FormData) {
  const service = await db.carrierService.findFirst({
    where: { id: serviceId, shop },
    select: { code: true },
  });
  if (!service) return null;
  const field = (name: string) => String(form.get(name) ?? "").trim();
  if (field("intent") === "delete") {
    const deleted = await deleteZoneChart(db, shop, service.code, field("warehouseKey"));
    return deleted
      ? { ok: true as const, message: "Zone chart removed: zones are estimated from distance again" }
      : {
          ok: false as const,
          lineErrors: [{ line: 0, message: "that warehouse has no chart for this service" }],
        };
  }
  return importZoneChart(db, shop, {
    serviceCode: service.code,
    warehouseKey: field("warehouseKey"),
    source: field("source"),
    csv: String(form.get("csv") ?? ""),
    ...(field("column") ? { column: field("column") } : {}),
    ...(field("fileName") ? { fileName: field("fileName").slice(0, 120) } : {}),
  });
}
