import Papa from "papaparse";
import { centsToDollarsInput } from "../format/money";
import { isLtlRateCardCsv, ltlRatesFromRows, ltlRatesToCsv } from "./ltl-rate-card-csv";
import { RateCardSchema } from "./shop-config";
import type { RateCard } from "../engine/types";

// Rate card CSV (docs/admin.md): header `max_lb,zone_2,…,zone_8`; one row per weight break with prices in
// dollars; an optional last row `over_per_lb,…` with dollars per pound beyond the last break. Used by the
// browser (preview, progress) and the server (the import itself), so both report the same line errors.
// A file whose header starts with `class` is an LTL class rate card instead (app/contracts/ltl-rate-card-csv.ts).

export interface CsvLineError {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  message: string;
}

export interface RateCardCsvResult {
  card: RateCard | null;
  errors: CsvLineError[];
  /** Rows read, for the preview. */
  rows: number;
}

const DOLLARS = /^\d+(\.\d{1,2})?$/;
const PER_LB = /^\d+(\.\d{1,4})?$/;

const cents = (dollars: string) => Math.round(Number(dollars) * 100);

/** Splits CSV text into rows (one per line, empty lines kept so indexes stay line numbers). */
export function csvRows(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: false }).data;
}

/** Reads a rate card from CSV rows; `card` is null whenever any line is wrong. */
export function rateCardFromRows(
  rows: string[][],
  meta: { name: string; basis: RateCard["basis"] },
): RateCardCsvResult {
  if (isLtlRateCardCsv(rows)) {
    const { ltl, errors, rows: read } = ltlRatesFromRows(rows);
    if (!ltl) return { card: null, errors, rows: read };
    const card: RateCard = {
      name: meta.name,
      basis: "PER_SHIPMENT",
      zones: [],
      breaks: [],
      overLastBreakCentsPerLb: [],
      ltl,
    };
    return { card, errors: [], rows: read };
  }
  const errors: CsvLineError[] = [];
  const header = (rows[0] ?? []).map((cell) => cell.trim().toLowerCase());
  if (header[0] !== "max_lb") errors.push({ line: 1, message: 'the first column must be "max_lb"' });
  const zones = header.slice(1).map((cell, i) => {
    const zone = /^zone_(\d+)$/.exec(cell);
    if (!zone || Number(zone[1]) < 1)
      errors.push({ line: 1, message: `column ${i + 2} "${cell}" must be zone_<number>` });
    return zone ? Number(zone[1]) : 0;
  });
  if (zones.length === 0) errors.push({ line: 1, message: "add at least one zone column" });
  if (new Set(zones).size !== zones.length) errors.push({ line: 1, message: "a zone column appears twice" });

  const breaks: RateCard["breaks"] = [];
  let overLastBreakCentsPerLb: number[] = [];
  let seenOver = false;
  let read = 0;
  rows.slice(1).forEach((raw, index) => {
    const line = index + 2;
    const cells = raw.map((cell) => cell.trim());
    if (cells.every((cell) => cell === "")) return;
    read += 1;
    if (seenOver) return errors.push({ line, message: "over_per_lb must be the last row" });
    if (cells.length !== zones.length + 1)
      return errors.push({ line, message: `expected ${zones.length + 1} values, found ${cells.length}` });
    const prices = cells.slice(1);
    if (cells[0].toLowerCase() === "over_per_lb") {
      seenOver = true;
      const bad = prices.findIndex((p) => !PER_LB.test(p));
      if (bad >= 0)
        return errors.push({ line, message: `zone ${zones[bad]}: "${prices[bad]}" is not a price per lb` });
      overLastBreakCentsPerLb = prices.map((p) => Number(p) * 100);
      return;
    }
    const maxLb = Number(cells[0]);
    if (!(maxLb > 0)) return errors.push({ line, message: `max_lb "${cells[0]}" must be a weight above 0` });
    const previous = breaks.at(-1);
    if (previous && maxLb <= previous.maxLb)
      return errors.push({
        line,
        message: `max_lb ${maxLb} must be above the previous break (${previous.maxLb})`,
      });
    const bad = prices.findIndex((p) => !DOLLARS.test(p));
    if (bad >= 0)
      return errors.push({
        line,
        message: `zone ${zones[bad]}: "${prices[bad]}" is not a price in dollars (e.g. 12.34)`,
      });
    breaks.push({ maxLb, cents: prices.map(cents) });
  });
  if (read === 0 && errors.length === 0) errors.push({ line: 2, message: "the file has no weight breaks" });
  if (errors.length > 0) return { card: null, errors: errors.sort((a, b) => a.line - b.line), rows: read };
  const card = RateCardSchema.safeParse({ ...meta, zones, breaks, overLastBreakCentsPerLb });
  if (!card.success)
    return {
      card: null,
      errors: card.error.issues.map((i) => ({ line: 1, message: i.message })),
      rows: read,
    };
  return { card: card.data, errors: [], rows: read };
}

/** A rate card as CSV, in the format `rateCardFromRows` reads. */
export function rateCardToCsv(
  card: Pick<RateCard, "zones" | "breaks" | "overLastBreakCentsPerLb"> & Pick<Partial<RateCard>, "ltl">,
): string {
  // A card priced by LTL class exports its class rates (a mixed card's ZIP3 rows are not expressible: see docs).
  if (card.ltl) return ltlRatesToCsv(card.ltl);
  const rows: (string | number)[][] = [
    ["max_lb", ...card.zones.map((z) => `zone_${z}`)],
    ...card.breaks.map((b) => [b.maxLb, ...b.cents.map(centsToDollarsInput)]),
  ];
  if (card.overLastBreakCentsPerLb.length > 0)
    rows.push([
      "over_per_lb",
      // Per-pound rates carry fractions of a cent (up to four decimals of a dollar), which money text rounds away.
      ...card.overLastBreakCentsPerLb.map((c) => (c / 100).toFixed(4).replace(/0{1,2}$/, "")),
    ]);
  return Papa.unparse(rows) + "\n";
}
