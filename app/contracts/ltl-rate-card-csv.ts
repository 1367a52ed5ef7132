import type { LtlClassRates } from "../engine/types";
import type { CsvLineError } from "./rate-card-csv";
import { LtlClassRatesSchema } from "./shop-config";

// LTL class rate card CSV (docs/admin.md, docs/engine.md "LTL freight by class"): header
// `class,zone,0,500,1000,2000,5000` (or `class,dest_zip3,…`): the lane column, then the lower bound in lb of each
// weight break; one row per class × lane with dollars per hundredweight (CWT); a last row `minimum,<dollars>` gives
// the minimum charge. Every bad line is reported with its line number and no card is returned.

const DOLLARS = /^\d+(\.\d{1,2})?$/;
const BREAK = /^(?:lb_)?(\d+)\+?$/;

/** Whether CSV rows are in the LTL class format (first header cell "class"). */
export const isLtlRateCardCsv = (rows: string[][]) => (rows[0]?.[0] ?? "").trim().toLowerCase() === "class";

/**
 * Reads LTL class rates from CSV rows.
 *
 * @example
 * ltlRatesFromRows([["class", "zone", "0", "500"], ["100", "5", "90.00", "75.00"], ["minimum", "150"]]).ltl;
 * // { breaksFromLb: [0, 500], rows: [{ freightClass: 100, zone: 5, centsPerCwt: [9000, 7500] }], minimumChargeCents: 15000 }
 */
export function ltlRatesFromRows(rows: string[][]): {
  ltl: LtlClassRates | null;
  errors: CsvLineError[];
  rows: number;
} {
  const errors: CsvLineError[] = [];
  const header = (rows[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const lane = header[1];
  if (lane !== "zone" && lane !== "dest_zip3")
    errors.push({ line: 1, message: 'the second column must be "zone" or "dest_zip3"' });
  const breaksFromLb = header.slice(2).map((cell, i) => {
    const m = BREAK.exec(cell);
    if (!m)
      errors.push({
        line: 1,
        message: `column ${i + 3} "${cell}" must be a break's lower bound in lb (0, 500…)`,
      });
    return m ? Number(m[1]) : -1;
  });
  if (breaksFromLb.length === 0)
    errors.push({ line: 1, message: "add at least one weight break column (0)" });
  else if (breaksFromLb[0] !== 0)
    errors.push({ line: 1, message: "the first weight break must start at 0 lb" });
  breaksFromLb.forEach((b, i) => {
    if (i > 0 && b >= 0 && b <= breaksFromLb[i - 1])
      errors.push({
        line: 1,
        message: `break ${b} lb must be above the previous one (${breaksFromLb[i - 1]} lb)`,
      });
  });

  const out: LtlClassRates["rows"] = [];
  const seen = new Map<string, number>();
  let minimumChargeCents: number | undefined;
  let read = 0;
  rows.slice(1).forEach((raw, index) => {
    const line = index + 2;
    const cells = raw.map((cell) => cell.trim());
    if (cells.every((cell) => cell === "")) return;
    read += 1;
    if (minimumChargeCents !== undefined)
      return errors.push({ line, message: "minimum must be the last row" });
    if (cells[0].toLowerCase() === "minimum") {
      if (!DOLLARS.test(cells[1] ?? ""))
        return errors.push({ line, message: `minimum "${cells[1] ?? ""}" is not a price in dollars` });
      minimumChargeCents = Math.round(Number(cells[1]) * 100);
      return;
    }
    if (cells.length !== breaksFromLb.length + 2)
      return errors.push({
        line,
        message: `expected ${breaksFromLb.length + 2} values, found ${cells.length}`,
      });
    const freightClass = Number(cells[0]);
    const key = `${cells[0]}|${cells[1]}`;
    if (seen.has(key))
      return errors.push({ line, message: `class ${cells[0]} to ${cells[1]} repeats line ${seen.get(key)}` });
    seen.set(key, line);
    const laneCell = cells[1];
    if (lane === "zone" && !/^\d{1,2}$/.test(laneCell))
      return errors.push({ line, message: `zone "${laneCell}" is not a zone number` });
    if (lane === "dest_zip3" && !/^\d{3}$/.test(laneCell))
      return errors.push({ line, message: `"${laneCell}" is not a 3-digit ZIP prefix` });
    const rates = cells.slice(2);
    const bad = rates.findIndex((r) => !DOLLARS.test(r));
    if (bad >= 0)
      return errors.push({
        line,
        message: `${breaksFromLb[bad]} lb: "${rates[bad]}" is not dollars per CWT (e.g. 62.50)`,
      });
    const centsPerCwt = rates.map((r) => Math.round(Number(r) * 100));
    const rising = centsPerCwt.findIndex((c, i) => i > 0 && c > centsPerCwt[i - 1]);
    if (rising > 0)
      return errors.push({
        line,
        message: `the ${breaksFromLb[rising]} lb rate is above the lighter break's`,
      });
    out.push({
      freightClass,
      ...(lane === "zone" ? { zone: Number(laneCell) } : { destZip3: laneCell }),
      centsPerCwt,
    });
  });
  if (out.length === 0 && errors.length === 0)
    errors.push({ line: 2, message: "the file has no class rows" });
  if (errors.length > 0) return { ltl: null, errors: errors.sort((a, b) => a.line - b.line), rows: read };
  const parsed = LtlClassRatesSchema.safeParse({
    breaksFromLb,
    rows: out,
    minimumChargeCents: minimumChargeCents ?? 0,
  });
  if (!parsed.success) {
    // Class values are checked here (the 18 NMFC classes); name the line of the row concerned.
    const lines = [...seen.values()];
    return {
      ltl: null,
      errors: parsed.error.issues.map((issue) => ({
        line: issue.path[0] === "rows" && typeof issue.path[1] === "number" ? lines[issue.path[1]] : 1,
        message: issue.message,
      })),
      rows: read,
    };
  }
  return { ltl: parsed.data, errors: [], rows: read };
}

/** LTL class rates as CSV, in the format `ltlRatesFromRows` reads (dollars per CWT, the minimum last). */
export function ltlRatesToCsv(ltl: LtlClassRates): string {
  const dollars = (cents: number) => (cents / 100).toFixed(2);
  const byZip = ltl.rows.some((r) => r.destZip3 !== undefined);
  const lines = [
    ["class", byZip ? "dest_zip3" : "zone", ...ltl.breaksFromLb.map(String)],
    ...ltl.rows.map((r) => [
      String(r.freightClass),
      r.destZip3 ?? String(r.zone),
      ...r.centsPerCwt.map(dollars),
    ]),
    ["minimum", dollars(ltl.minimumChargeCents)],
  ];
  return lines.map((cells) => cells.join(",")).join("\n") + "\n";
}
