import Papa from "papaparse";
import type { ZoneTableRange } from "../engine/types";
import type { CsvLineError } from "./rate-card-csv";

// Zone chart CSV (docs/engine.md, "Zone charts"): a carrier's chart for ONE origin, as UPS, FedEx and USPS publish
// them — a destination column of ZIP ranges and one zone column per service:
//   UPS      "Dest. ZIP,Ground,3 Day Select,2nd Day Air,…" rows "004-005,5,…" (lines above the header are skipped)
//   FedEx    "Destination ZIP,Express,Ground" rows "00400-00599,5,5" (5-digit ranges, read by their ZIP3 prefix)
//   USPS     "ZIP Code,Zone" rows "005---098,3*" (markers after the zone are ignored)
// The zone column is chosen by name (case-insensitive); a file with one zone column needs no name. A row whose zone
// cell is empty or "-" (service not offered there) is skipped. Any bad line → no chart and every bad line reported.

export interface ZoneChartCsvResult {
  ranges: ZoneTableRange[] | null;
  errors: CsvLineError[];
  /** The zone column read. */
  column?: string;
  rows: number;
}

const DEST_HEADER = /^(dest(ination)?\.?\s*zip|zip\s*code|dest(ination)?|zip|dest_zip3)/i;
const RANGE = /^(\d{3}|\d{5})(?:\s*-+\s*(\d{3}|\d{5}))?$/;
const ZONE = /^(\d{1,2})\s*[*+]*$/;

/** A destination cell as a ZIP3 range, or an error message. */
function readRange(cell: string): { from: number; to: number } | string {
  const m = RANGE.exec(cell);
  if (!m) return `"${cell}" is not a ZIP3, ZIP3 range (004-005) or ZIP range (00400-00599)`;
  const from = Number(m[1].slice(0, 3));
  const to = Number((m[2] ?? m[1]).slice(0, 3));
  if (from > to) return `range "${cell}" runs backwards`;
  return { from, to };
}

const zip3 = (n: number) => String(n).padStart(3, "0");

/**
 * Reads a carrier zone chart for one origin from CSV text.
 *
 * @example
 * zoneChartFromCsv("Dest. ZIP,Ground\n004-005,5\n006-009,8\n", { column: "Ground" }).ranges;
 * // [{ fromZip3: "004", toZip3: "005", zone: 5 }, { fromZip3: "006", toZip3: "009", zone: 8 }]
 */
export function zoneChartFromCsv(text: string, options: { column?: string } = {}): ZoneChartCsvResult {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: false }).data;
  const errors: CsvLineError[] = [];
  const headerIndex = rows.findIndex((row) => DEST_HEADER.test((row[0] ?? "").trim()));
  if (headerIndex < 0)
    return {
      ranges: null,
      errors: [
        {
          line: 1,
          message: 'no header row: the first column must be "Dest. ZIP", "Destination ZIP" or "ZIP Code"',
        },
      ],
      rows: 0,
    };
  const header = rows[headerIndex].map((cell) => cell.trim());
  const headerLine = headerIndex + 1;
  const zoneColumns = header.slice(1).filter((cell) => cell !== "");
  let col: number;
  if (options.column) {
    col = header.findIndex((cell, i) => i > 0 && cell.toLowerCase() === options.column!.toLowerCase());
    if (col < 0)
      return {
        ranges: null,
        errors: [
          { line: headerLine, message: `no "${options.column}" column (columns: ${zoneColumns.join(", ")})` },
        ],
        rows: 0,
      };
  } else if (zoneColumns.length === 1) col = header.indexOf(zoneColumns[0]);
  else
    return {
      ranges: null,
      errors: [
        {
          line: headerLine,
          message: `choose the service's zone column (columns: ${zoneColumns.join(", ") || "none"})`,
        },
      ],
      rows: 0,
    };

  const ranges: (ZoneTableRange & { line: number; from: number; to: number })[] = [];
  let read = 0;
  rows.slice(headerIndex + 1).forEach((raw, index) => {
    const line = headerLine + index + 1;
    const cells = raw.map((cell) => cell.trim());
    if (cells.every((cell) => cell === "")) return;
    read += 1;
    const range = readRange(cells[0] ?? "");
    if (typeof range === "string") return errors.push({ line, message: range });
    const zoneCell = cells[col] ?? "";
    if (zoneCell === "" || zoneCell === "-" || zoneCell.toUpperCase() === "N/A") return;
    const zone = ZONE.exec(zoneCell);
    if (!zone || Number(zone[1]) < 1)
      return errors.push({ line, message: `zone "${zoneCell}" is not a zone number (1 … 99)` });
    ranges.push({
      line,
      from: range.from,
      to: range.to,
      fromZip3: zip3(range.from),
      toZip3: zip3(range.to),
      zone: Number(zone[1]),
    });
  });
  const sorted = [...ranges].sort((a, b) => a.from - b.from || a.line - b.line);
  for (let i = 1; i < sorted.length; i += 1) {
    const previous = sorted[i - 1];
    if (sorted[i].from <= previous.to)
      errors.push({
        line: sorted[i].line,
        message: `${sorted[i].fromZip3}-${sorted[i].toZip3} overlaps ${previous.fromZip3}-${previous.toZip3} (line ${previous.line})`,
      });
  }
  if (read === 0 || (ranges.length === 0 && errors.length === 0))
    errors.push({ line: headerLine + 1, message: "the file has no destination rows" });
  if (errors.length > 0) return { ranges: null, errors: errors.sort((a, b) => a.line - b.line), rows: read };
  return {
    ranges: sorted.map(({ fromZip3, toZip3, zone }) => ({ fromZip3, toZip3, zone })),
    errors: [],
    column: header[col],
    rows: read,
  };
}
