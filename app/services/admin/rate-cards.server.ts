import type { Prisma, PrismaClient } from "@prisma/client";
import type { RateCard } from "../../engine/types";
import { csvRows, rateCardFromRows, rateCardToCsv, type CsvLineError } from "../../contracts/rate-card-csv";
import { bumpConfigVersion, configSaved } from "./config-version.server";
import { rateCardTable } from "./rate-card-row.server";

/** Largest rate card file accepted (a 200-break × 20-zone card is ~40 KB). */
export const RATE_CARD_MAX_BYTES = 2_000_000;

export type RateCardImportResult =
  { ok: true; message: string; breaks: number; zones: number } | { ok: false; lineErrors: CsvLineError[] };

/**
 * Imports a rate card CSV as the service's new active card (effective now). Any bad line → nothing is saved
 * and every bad line is reported with its line number. Returns null when the service is not this shop's.
 */
export async function importRateCard(
  db: PrismaClient,
  shop: string,
  serviceId: string,
  csv: string,
  now: Date = new Date(),
): Promise<RateCardImportResult | null> {
  const service = await db.carrierService.findFirst({
    where: { id: serviceId, shop },
    include: { rateCards: { orderBy: { effectiveFrom: "desc" }, take: 1, select: { basis: true } } },
  });
  if (!service) return null;
  if (csv.length > RATE_CARD_MAX_BYTES)
    return { ok: false, lineErrors: [{ line: 1, message: "the file is over 2 MB" }] };
  const basis = (service.rateCards[0]?.basis ?? "PER_PACKAGE") as "PER_PACKAGE" | "PER_SHIPMENT";
  const name = `${service.name} (imported ${now.toISOString().slice(0, 10)})`;
  const { card, errors } = rateCardFromRows(csvRows(csv), { name, basis });
  if (!card) return { ok: false, lineErrors: errors };
  if (card.ltl) {
    // An LTL class tariff only makes sense for a freight service (palletised, per shipment).
    if (service.mode !== "FREIGHT")
      return {
        ok: false,
        lineErrors: [{ line: 1, message: "LTL class rates are for freight services only" }],
      };
    return saveCard(db, shop, service.id, name, card, now, {
      message: `LTL class rates imported: ${card.ltl.rows.length} class × lane rows, ${card.ltl.breaksFromLb.length} weight breaks`,
      breaks: card.ltl.breaksFromLb.length,
      zones: new Set(card.ltl.rows.map((r) => r.zone ?? r.destZip3)).size,
    });
  }
  return saveCard(db, shop, service.id, name, card, now, {
    message: `Rate card imported: ${card.breaks.length} weight breaks × ${card.zones.length} zones`,
    breaks: card.breaks.length,
    zones: card.zones.length,
  });
}

async function saveCard(
  db: PrismaClient,
  shop: string,
  serviceId: string,
  name: string,
  card: RateCard,
  now: Date,
  summary: { message: string; breaks: number; zones: number },
): Promise<RateCardImportResult> {
  const json = (value: unknown) => value as Prisma.InputJsonValue;
  await db.$transaction([
    db.rateCard.create({
      data: {
        shop,
        carrierServiceId: serviceId,
        name,
        isSample: false,
        basis: card.basis,
        zones: json(card.zones),
        breaks: json(card.breaks),
        overLastBreakCentsPerLb: json(card.overLastBreakCentsPerLb),
        ...(card.ltl ? { ltlClassRates: json(card.ltl) } : {}),
        effectiveFrom: now,
      },
    }),
    bumpConfigVersion(db, shop),
  ]);
  configSaved(shop);
  return { ok: true, ...summary };
}

/** The service's active rate card as CSV (same format as the import), or null. */
export async function exportRateCard(
  db: PrismaClient,
  shop: string,
  serviceId: string,
  now: Date = new Date(),
) {
  const card = await db.rateCard.findFirst({
    where: { shop, carrierServiceId: serviceId, effectiveFrom: { lte: now } },
    orderBy: { effectiveFrom: "desc" },
    include: { carrierService: { select: { code: true } } },
  });
  if (!card) return null;
  return {
    filename: `${card.carrierService.code.toLowerCase()}-rate-card.csv`,
    csv: rateCardToCsv(rateCardTable(card, shop)),
  };
}
