import Papa from "papaparse";
import { WarehouseTrackingBody } from "../../contracts/warehouse-handoff";

// The tracking CSV a warehouse without an API hands the merchant (docs/handoff.md): one shipped fulfillment order
// per line. Pure, so the browser's preview and the server's import check the same rules.

/** Columns: `order` (the order name, "#1001") or `handoff_id`, then tracking_number, carrier and an optional url. */
export const TRACKING_CSV_COLUMNS = ["order", "tracking_number", "carrier", "url"] as const;

/** A line that cannot be used: its 1-based file line (the header is line 1), the column, and why. */
export interface TrackingLineError {
  line: number;
  field: string;
  message: string;
}

export interface TrackingCsvLine {
  line: number;
  /** Order name as Shopify shows it ("#1001"), or null when the line names a handoff id. */
  orderName: string | null;
  /** `<shop>/<fulfillment order number>` as in the handoff document, or a FulfillmentOrder gid. */
  handoffId: string | null;
  trackingNumber: string;
  company: string;
  url: string | null;
}

export interface ParsedTrackingCsv {
  lines: TrackingCsvLine[];
  errors: TrackingLineError[];
}

const MAX_LINES = 5_000;
const shape = WarehouseTrackingBody.shape;

const lineError = (line: number, field: string, message: string): TrackingLineError => ({
  line,
  field,
  message: `${field}: ${message}`,
});

/** Reads the file (papaparse) and checks each line's fields; every bad line is reported, none is dropped silently. */
export function parseTrackingCsv(text: string): ParsedTrackingCsv {
  const out: ParsedTrackingCsv = { lines: [], errors: [] };
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: false }).data;
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const column = (name: string) => header.indexOf(name);
  const at = { order: column("order"), handoffId: column("handoff_id") };
  const number = column("tracking_number");
  const carrier = column("carrier");
  const url = column("url");
  const missing = [
    ...(at.order < 0 && at.handoffId < 0 ? ["order (or handoff_id)"] : []),
    ...(number < 0 ? ["tracking_number"] : []),
    ...(carrier < 0 ? ["carrier"] : []),
  ];
  if (missing.length) {
    out.errors.push(lineError(1, "header", `missing column(s): ${missing.join(", ")}`));
    return out;
  }
  if (rows.length - 1 > MAX_LINES) {
    out.errors.push(lineError(1, "file", `at most ${MAX_LINES.toLocaleString("en-US")} lines per upload`));
    return out;
  }
  const seen = new Map<string, { line: number; trackingNumber: string }>();
  rows.slice(1).forEach((row, index) => {
    const line = index + 2;
    if (row.every((cell) => cell.trim() === "")) return;
    const cell = (i: number) => (i >= 0 ? (row[i] ?? "").trim() : "");
    const before = out.errors.length;
    const orderName = cell(at.order) || null;
    const handoffId = cell(at.handoffId) || null;
    if (!orderName && !handoffId)
      out.errors.push(lineError(line, at.order >= 0 ? "order" : "handoff_id", "is empty"));
    const trackingNumber = shape.trackingNumber.safeParse(cell(number));
    if (!trackingNumber.success)
      out.errors.push(lineError(line, "tracking_number", "must be 4 to 64 characters"));
    const company = shape.company.safeParse(cell(carrier));
    if (!company.success)
      out.errors.push(lineError(line, "carrier", "is empty or longer than 64 characters"));
    const link = cell(url);
    if (link && !shape.url.safeParse(link).success)
      out.errors.push(lineError(line, "url", `"${link.slice(0, 40)}" is not a URL`));
    if (out.errors.length > before || !trackingNumber.success || !company.success) return;
    const key = handoffId ?? orderName!;
    const first = seen.get(key);
    if (first && first.trackingNumber !== trackingNumber.data) {
      out.errors.push(
        lineError(
          line,
          orderName ? "order" : "handoff_id",
          `${key} already has a tracking number on line ${first.line}`,
        ),
      );
      return;
    }
    if (first) return; // the same line twice: once is enough
    seen.set(key, { line, trackingNumber: trackingNumber.data });
    out.lines.push({
      line,
      orderName,
      handoffId,
      trackingNumber: trackingNumber.data,
      company: company.data,
      url: link || null,
    });
  });
  if (out.lines.length === 0 && out.errors.length === 0)
    out.errors.push(lineError(2, "file", "no tracking lines"));
  return out;
}
