import { csvRows, type CsvLineError } from "./rate-card-csv";

// Surcharge-area ZIP lists (docs/admin.md#surcharge-areas) as carriers publish them: one ZIP per line, either a
// 5-digit ZIP, a 3-digit ZIP prefix or a ZIP+4 (read as its ZIP5); plain text or a CSV whose first column holds
// the ZIP. Blank lines, `#` comments and a header line (a first line with letters, e.g. "ZIP Code") are skipped.
// Used by the browser (preview, progress) and the server (the import itself), so both report the same errors.

export interface ZipListResult {
  /** Distinct 5-digit ZIPs, in file order. */
  zip5: string[];
  /** Distinct 3-digit prefixes, in file order. */
  zip3: string[];
  /** ZIPs listed more than once (counted, not errors: carriers' own files repeat some). */
  duplicates: number;
  errors: CsvLineError[];
}

/** Largest list accepted: every US ZIP (~42,000) with room to spare. */
export const ZIP_LIST_MAX_LINES = 100_000;

const ZIP = /^(\d{5})(?:-\d{4})?$|^(\d{3})$/;

function lineError(cell: string): string {
  if (/^\d{4}$/.test(cell))
    return `"${cell}" has 4 digits: a spreadsheet may have dropped a leading zero (write 0${cell})`;
  if (/^\d+$/.test(cell)) return `"${cell}" must be a 5-digit ZIP, a ZIP+4 or a 3-digit prefix`;
  return `"${cell.slice(0, 40)}" is not a ZIP`;
}

/** Reads a ZIP list at once; `zip5` and `zip3` are empty whenever any line is wrong. */
export function zipListFromText(text: string): ZipListResult {
  const reading = readZipList(text, Number.POSITIVE_INFINITY);
  for (;;) {
    const step = reading.next();
    if (step.done) return step.value;
  }
}

/**
 * The same reading, yielding the share of lines read (0–1) every `progressEvery` lines, so a browser can check a
 * carrier's 40,000-line file in slices between paints with exactly the server's rules.
 */
export function* readZipList(text: string, progressEvery: number): Generator<number, ZipListResult> {
  const rows = csvRows(text);
  const errors: CsvLineError[] = [];
  if (rows.length > ZIP_LIST_MAX_LINES) {
    errors.push({ line: ZIP_LIST_MAX_LINES + 1, message: `the list is over ${ZIP_LIST_MAX_LINES} lines` });
    return { zip5: [], zip3: [], duplicates: 0, errors };
  }
  const seen = new Set<string>();
  const zip5: string[] = [];
  const zip3: string[] = [];
  let duplicates = 0;
  let firstContent = true;
  for (let index = 0; index < rows.length; index++) {
    if (index > 0 && index % progressEvery === 0) yield index / rows.length;
    const cell = (rows[index]![0] ?? "").trim().replace(/^"|"$/g, "");
    if (cell === "" || cell.startsWith("#")) continue;
    const header = firstContent && /[a-z]/i.test(cell);
    firstContent = false;
    if (header) continue;
    const match = ZIP.exec(cell);
    if (!match) {
      errors.push({ line: index + 1, message: lineError(cell) });
      continue;
    }
    const zip = match[1] ?? match[2]!;
    if (seen.has(zip)) {
      duplicates += 1;
      continue;
    }
    seen.add(zip);
    (zip.length === 5 ? zip5 : zip3).push(zip);
  }
  if (errors.length === 0 && seen.size === 0) errors.push({ line: 1, message: "the list holds no ZIP" });
  return errors.length > 0 ? { zip5: [], zip3: [], duplicates, errors } : { zip5, zip3, duplicates, errors };
}
