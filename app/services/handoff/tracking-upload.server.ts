import type { PrismaClient } from "@prisma/client";
import { pokeJobRunner } from "../../jobs/startup.server";
import { parseTrackingCsv, type TrackingCsvLine, type TrackingLineError } from "./tracking-upload-csv";
import { recordHandoffTracking, trackingVerdict, type HandoffForTracking } from "./warehouse-tracking.server";

/** One usable line of an upload: the fulfillment order it ships and whether it is new or already recorded. */
export interface PlannedTrackingLine {
  line: number;
  orderName: string | null;
  fulfillmentOrderId: string;
  trackingNumber: string;
  company: string;
  outcome: "new" | "already recorded";
}

export type TrackingUploadCheck =
  | { ok: true; lines: PlannedTrackingLine[] }
  | { ok: false; status: 404; error: string }
  | { ok: false; status: 422; lineErrors: TrackingLineError[] };

export type TrackingUploadResult =
  | { ok: true; recorded: number; duplicates: number }
  | { ok: false; status: 404; error: string }
  | { ok: false; status: 422; lineErrors: TrackingLineError[] };

interface Planned extends PlannedTrackingLine {
  handoff: HandoffForTracking;
  url: string | null;
}

/** `<shop>/<number>` (the document's handoffId) or a FulfillmentOrder gid → the fulfillment order gid of this shop. */
function fulfillmentOrderIdOf(shop: string, handoffId: string): string | null {
  const gid = /^gid:\/\/shopify\/FulfillmentOrder\/(\d+)$/.exec(handoffId);
  if (gid) return handoffId;
  const id = handoffId.startsWith(`${shop}/`) ? handoffId.slice(shop.length + 1) : null;
  return id && /^\d+$/.test(id) ? `gid://shopify/FulfillmentOrder/${id}` : null;
}

async function plan(
  db: PrismaClient,
  shop: string,
  warehouseId: string,
  csv: string,
): Promise<{ ok: true; planned: Planned[] } | Exclude<TrackingUploadCheck, { ok: true }>> {
  const warehouse = await db.warehouse.findFirst({
    where: { id: warehouseId, shop, handoffEnabled: true },
    select: { key: true },
  });
  if (!warehouse)
    return { ok: false, status: 404, error: "no handed-off warehouse with this id in this shop" };
  const parsed = parseTrackingCsv(csv);
  const errors = [...parsed.errors];
  const handoffs = await db.warehouseHandoff.findMany({
    where: {
      shop,
      warehouseKey: warehouse.key,
      OR: [
        {
          orderName: { in: parsed.lines.flatMap((l) => (l.orderName && !l.handoffId ? [l.orderName] : [])) },
        },
        {
          fulfillmentOrderId: {
            in: parsed.lines.flatMap((l) => {
              const id = l.handoffId ? fulfillmentOrderIdOf(shop, l.handoffId) : null;
              return id ? [id] : [];
            }),
          },
        },
      ],
    },
    select: { id: true, fulfillmentOrderId: true, orderName: true, state: true, trackingNumber: true },
  });
  const planned: Planned[] = [];
  const seen = new Map<string, number>();
  for (const line of parsed.lines) {
    const found = find(shop, line, handoffs);
    if ("error" in found) {
      errors.push({ line: line.line, field: found.field, message: `${found.field}: ${found.error}` });
      continue;
    }
    const handoff = found.handoff;
    const earlier = seen.get(handoff.fulfillmentOrderId);
    if (earlier !== undefined) {
      errors.push({
        line: line.line,
        field: line.handoffId ? "handoff_id" : "order",
        message: `${line.handoffId ? "handoff_id" : "order"}: the same fulfillment order as line ${earlier}`,
      });
      continue;
    }
    seen.set(handoff.fulfillmentOrderId, line.line);
    const verdict = trackingVerdict(handoff, line.trackingNumber);
    if (verdict.kind === "refused") {
      errors.push({
        line: line.line,
        field: "tracking_number",
        message: `tracking_number: ${verdict.error}`,
      });
      continue;
    }
    planned.push({
      line: line.line,
      orderName: handoff.orderName,
      fulfillmentOrderId: handoff.fulfillmentOrderId,
      trackingNumber: line.trackingNumber,
      company: line.company,
      url: line.url,
      outcome: verdict.kind === "duplicate" ? "already recorded" : "new",
      handoff,
    });
  }
  if (errors.length) return { ok: false, status: 422, lineErrors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, planned };
}

function find(
  shop: string,
  line: TrackingCsvLine,
  handoffs: (HandoffForTracking & { orderName: string | null })[],
): { handoff: HandoffForTracking & { orderName: string | null } } | { field: string; error: string } {
  if (line.handoffId) {
    const id = fulfillmentOrderIdOf(shop, line.handoffId);
    const handoff = id ? handoffs.find((h) => h.fulfillmentOrderId === id) : undefined;
    return handoff
      ? { handoff }
      : { field: "handoff_id", error: `no handoff ${line.handoffId} to this warehouse` };
  }
  const matches = handoffs.filter((h) => h.orderName === line.orderName);
  if (matches.length === 1) return { handoff: matches[0] };
  if (matches.length === 0)
    return { field: "order", error: `no order ${line.orderName} handed to this warehouse` };
  return {
    field: "order",
    error: `order ${line.orderName} has ${matches.length} fulfillment orders at this warehouse: give the handoff_id`,
  };
}

/** The preview: every line checked against the warehouse's handoffs, nothing written. */
export async function checkTrackingUpload(
  db: PrismaClient,
  shop: string,
  warehouseId: string,
  csv: string,
): Promise<TrackingUploadCheck> {
  const result = await plan(db, shop, warehouseId, csv);
  if (!result.ok) return result;
  return { ok: true, lines: result.planned.map(({ handoff: _h, url: _u, ...line }) => line) };
}

/**
 * Applies an upload all or nothing: checked again, then each new line recorded as the signed endpoint records a
 * report (recordHandoffTracking: conditional write + keyed `handoff.fulfill` job) in one transaction. A line already
 * recorded with the same number is counted, not written again, so uploading the file twice creates nothing twice.
 */
export async function applyTrackingUpload(
  db: PrismaClient,
  shop: string,
  warehouseId: string,
  csv: string,
): Promise<TrackingUploadResult> {
  const result = await plan(db, shop, warehouseId, csv);
  if (!result.ok) return result;
  const fresh = result.planned.filter((l) => l.outcome === "new");
  const refused: TrackingLineError[] = [];
  let recorded = 0;
  try {
    await db.$transaction(
      async (tx) => {
        for (const line of fresh) {
          const outcome = await recordHandoffTracking(tx, shop, line.handoff, line);
          if (outcome.kind === "refused")
            refused.push({
              line: line.line,
              field: "tracking_number",
              message: `tracking_number: ${outcome.error}`,
            });
          else if (outcome.kind === "recorded") recorded += 1;
        }
        // A report that came in between the check and the write: nothing of the file is kept.
        if (refused.length) throw new UploadRefused();
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (error instanceof UploadRefused) return { ok: false, status: 422, lineErrors: refused };
    throw error;
  }
  if (recorded > 0) pokeJobRunner();
  return { ok: true, recorded, duplicates: result.planned.length - recorded };
}

class UploadRefused extends Error {}
