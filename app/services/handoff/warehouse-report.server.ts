import type { PrismaClient } from "@prisma/client";
import { isShopDomain } from "../../contracts/shop-domain";
import type { QueuedWorkAnswer } from "../http/queued-work-response.server";
import { readBodyWithLimit } from "../http/request-body.server";
import { verifyGenericSignature } from "../tracking/signatures.server";
import { openWarehouseSecret } from "./warehouse-secret.server";

const BODY_LIMIT = 64 * 1024;

/** An answer of a warehouse endpoint; `queued` when it enqueued work (the runner is poked). */
export const warehouseAnswer = (
  status: number,
  body: Record<string, unknown>,
  queued = false,
): QueuedWorkAnswer => ({ status, body, queued });

export type WarehouseReport =
  { ok: true; shop: string; warehouseKey: string; json: unknown } | { ok: false; answer: QueuedWorkAnswer };

/**
 * The checks every report of a handed-off warehouse passes first (POST …?shop=<shop>&warehouse=<key>,
 * docs/handoff.md): a shop domain, a body within 64 kB, a handoff-enabled warehouse, its signature (X-Tailroute-
 * Timestamp within 5 minutes, X-Tailroute-Signature with the warehouse's secret), and JSON. A failure is the answer
 * to give: 400, 401 or 413 with the reason.
 */
export async function readWarehouseReport(
  db: PrismaClient,
  request: Request,
  now: Date,
): Promise<WarehouseReport> {
  const fail = (status: number, error: string): WarehouseReport => ({
    ok: false,
    answer: warehouseAnswer(status, { error }),
  });
  const url = new URL(request.url);
  const shop = url.searchParams.get("shop")?.toLowerCase() ?? "";
  const warehouseKey = url.searchParams.get("warehouse") ?? "";
  if (!isShopDomain(shop)) return fail(400, "shop must be a *.myshopify.com domain");
  const body = await readBodyWithLimit(request, BODY_LIMIT);
  if (!body.ok) return fail(413, "body too large");
  const warehouse = warehouseKey
    ? await db.warehouse.findFirst({
        where: { shop, key: warehouseKey, handoffEnabled: true },
        select: { handoffSecret: true },
      })
    : null;
  const secret = openWarehouseSecret(warehouse?.handoffSecret ?? null);
  if (!secret) return fail(401, "unknown shop or warehouse, or handoff not enabled");
  const verdict = verifyGenericSignature(
    body.raw,
    request.headers.get("x-tailroute-timestamp"),
    request.headers.get("x-tailroute-signature"),
    secret,
    now,
  );
  if (verdict === "BAD_SIGNATURE")
    return fail(401, "X-Tailroute-Signature does not match the warehouse's secret");
  if (verdict === "STALE_TIMESTAMP")
    return fail(401, "X-Tailroute-Timestamp is more than 5 minutes away from now");
  try {
    return { ok: true, shop, warehouseKey, json: JSON.parse(body.raw.toString("utf8")) };
  } catch {
    return fail(400, "body is not JSON");
  }
}
