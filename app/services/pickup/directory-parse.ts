import Papa from "papaparse";
import { z } from "zod";
import { PickupPointImportSchema, type PickupPointImport } from "../../contracts/pickup-point";
import { zodIssuesText } from "../../contracts/zod-issues";

export type DirectoryFormat = "csv" | "geojson";

export interface DirectoryLineError {
  /** CSV: the file line (header = 1). GeoJSON: the 1-based feature number. */
  line: number;
  message: string;
}

export interface ParsedDirectory {
  rows: { line: number; point: PickupPointImport }[];
  errors: DirectoryLineError[];
}

/** CSV header of a directory file (also the order the sample generator writes). */
export const DIRECTORY_CSV_COLUMNS = [
  "network",
  "externalId",
  "name",
  "address1",
  "city",
  "province",
  "zip",
  "latitude",
  "longitude",
  "hours",
] as const;

/** A GeoJSON text starts with `{`; anything else is read as CSV. */
export function detectDirectoryFormat(text: string): DirectoryFormat {
  return text.trimStart().startsWith("{") ? "geojson" : "csv";
}

const describe = (error: z.ZodError) => zodIssuesText(error);

/** `hours` cell: a JSON array of { days, open, close } or free text. */
function parseHoursCell(cell: string): unknown {
  const trimmed = cell.trim();
  if (trimmed.startsWith("[")) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return trimmed; // validated as free text; the schema reports it if too long
    }
  }
  return trimmed;
}

const toNumber = (cell: string | undefined) =>
  cell === undefined || cell.trim() === "" ? Number.NaN : Number(cell);

function validate(line: number, raw: unknown, out: ParsedDirectory, seen: Map<string, number>) {
  const parsed = PickupPointImportSchema.safeParse(raw);
  if (!parsed.success) {
    out.errors.push({ line, message: describe(parsed.error) });
    return;
  }
  const key = `${parsed.data.network}|${parsed.data.externalId}`;
  const first = seen.get(key);
  if (first !== undefined) {
    out.errors.push({
      line,
      message: `duplicate of line ${first} (${parsed.data.network} ${parsed.data.externalId})`,
    });
    return;
  }
  seen.set(key, line);
  out.rows.push({ line, point: parsed.data });
}

/** Parses and validates a CSV directory (papaparse); every bad row is reported with its file line. */
export function parseDirectoryCsv(text: string): ParsedDirectory {
  const out: ParsedDirectory = { rows: [], errors: [] };
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
  });
  const header = result.meta.fields ?? [];
  const missing = DIRECTORY_CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    out.errors.push({ line: 1, message: `missing column(s): ${missing.join(", ")}` });
    return out;
  }
  for (const e of result.errors) {
    if (e.row !== undefined) out.errors.push({ line: lineOfRow(text, e.row), message: e.message });
  }
  const seen = new Map<string, number>();
  result.data.forEach((row, index) => {
    const line = lineOfRow(text, index);
    if (result.errors.some((e) => e.row === index)) return;
    validate(
      line,
      {
        network: row.network?.trim().toUpperCase(),
        externalId: row.externalId,
        name: row.name,
        address1: row.address1,
        city: row.city,
        province: row.province?.trim().toUpperCase(),
        zip: row.zip?.trim().padStart(5, "0"),
        latitude: toNumber(row.latitude),
        longitude: toNumber(row.longitude),
        hours: parseHoursCell(row.hours ?? ""),
      },
      out,
      seen,
    );
  });
  out.errors.sort((a, b) => a.line - b.line);
  return out;
}

let lineCache: { text: string; starts: number[] } | undefined;

/**
 * File line of the n-th data row (0-based). Rows are separated by newlines outside quotes, so quoted
 * multi-line cells are counted correctly; blank lines are skipped like papaparse does.
 */
function lineOfRow(text: string, row: number): number {
  if (lineCache?.text !== text) {
    const starts: number[] = [];
    let inQuotes = false;
    let line = 1;
    let rowStart = 1;
    let rowHasText = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"') inQuotes = !inQuotes;
      if (ch === "\n" && !inQuotes) {
        if (rowHasText) starts.push(rowStart);
        line++;
        rowStart = line;
        rowHasText = false;
      } else if (ch === "\n") line++;
      else if (ch.trim() !== "") rowHasText = true;
    }
    if (rowHasText) starts.push(rowStart);
    lineCache = { text, starts: starts.slice(1) }; // drop the header row
  }
  return lineCache.starts[row] ?? row + 2;
}

const FeatureSchema = z.object({
  type: z.literal("Feature"),
  geometry: z.object({
    type: z.literal("Point"),
    coordinates: z.tuple([z.number(), z.number()]).rest(z.number()),
  }),
  properties: z.record(z.string(), z.unknown()),
});

/**
 * Parses and validates a GeoJSON FeatureCollection of Point features whose properties carry the CSV columns
 * (coordinates give longitude, latitude). Errors name the 1-based feature number.
 */
export function parseDirectoryGeoJson(text: string): ParsedDirectory {
  const out: ParsedDirectory = { rows: [], errors: [] };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    out.errors.push({ line: 1, message: `not valid JSON: ${(error as Error).message}` });
    return out;
  }
  const collection = z
    .object({ type: z.literal("FeatureCollection"), features: z.array(z.unknown()) })
    .safeParse(doc);
  if (!collection.success) {
    out.errors.push({ line: 1, message: "expected a GeoJSON FeatureCollection with a features array" });
    return out;
  }
  const seen = new Map<string, number>();
  collection.data.features.forEach((raw, index) => {
    const line = index + 1;
    const feature = FeatureSchema.safeParse(raw);
    if (!feature.success) {
      out.errors.push({ line, message: `not a Point feature: ${describe(feature.error)}` });
      return;
    }
    const p = feature.data.properties;
    const text = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
    validate(
      line,
      {
        network: text(p.network)?.trim().toUpperCase(),
        externalId: text(p.externalId),
        name: text(p.name),
        address1: text(p.address1),
        city: text(p.city),
        province: text(p.province)?.trim().toUpperCase(),
        zip: text(p.zip)?.trim().padStart(5, "0"),
        longitude: feature.data.geometry.coordinates[0],
        latitude: feature.data.geometry.coordinates[1],
        hours: p.hours ?? "",
      },
      out,
      seen,
    );
  });
  return out;
}

/** Parses a directory in the given (or detected) format. */
export function parseDirectory(text: string, format = detectDirectoryFormat(text)): ParsedDirectory {
  return format === "geojson" ? parseDirectoryGeoJson(text) : parseDirectoryCsv(text);
}
