import type { PrismaClient } from "@prisma/client";
import { appEnv } from "../../config/env.server";
import { FlowLifecycleCallbackSchema } from "../../contracts/flow-lifecycle";
import { isShopDomain } from "../../contracts/shop-domain";
import { isValidShopifyHmac } from "../carrier-service/auth.server";
import { readBodyWithLimit } from "../http/request-body.server";
import { FLOW_TRIGGERS } from "./flow-triggers";

export interface LifecycleAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** The handle of one of our triggers named by a callback (Flow sends the trigger's handle; its name is accepted too). */
function handleOf(definitionId: string): string | null {
  const found = Object.values(FLOW_TRIGGERS).find(
    (t) => t.handle === definitionId || t.name.toLowerCase() === definitionId.toLowerCase(),
  );
  return found?.handle ?? null;
}

/**
 * Shopify Flow's trigger lifecycle callback: a workflow using one of our triggers was enabled or disabled in a shop.
 * Signed like a webhook (X-Shopify-Hmac-Sha256, base64 HMAC-SHA256 of the raw body with the app's secret); a bad or
 * missing signature is 401, a body that is not the documented JSON 400. The shop's FlowTriggerUse row records the
 * state, an older callback (by Flow's `timestamp`) never overwriting a newer one. Flow lets the merchant enable the
 * workflow only after a 2xx, so a trigger we do not know is still answered 200 (and ignored).
 */
export async function receiveFlowLifecycle(db: PrismaClient, request: Request): Promise<LifecycleAnswer> {
  const hmac = request.headers.get("x-shopify-hmac-sha256") ?? "";
  const body = await readBodyWithLimit(request, 16 * 1024);
  if (!body.ok) return { status: 413, body: { error: "body too large" } };
  if (!hmac || !isValidShopifyHmac(body.raw, hmac, appEnv().apiSecret))
    return { status: 401, body: { error: "not signed by Shopify for this app" } };
  let json: unknown;
  try {
    json = JSON.parse(body.raw.toString("utf8"));
  } catch {
    return { status: 400, body: { error: "body is not JSON" } };
  }
  const parsed = FlowLifecycleCallbackSchema.safeParse(json);
  if (!parsed.success)
    return {
      status: 400,
      body: { error: "expected flow_trigger_definition_id, has_enabled_flow, shopify_domain, timestamp" },
    };
  const shop = parsed.data.shopify_domain.toLowerCase();
  if (!isShopDomain(shop))
    return { status: 400, body: { error: "shopify_domain is not a myshopify.com domain" } };
  const handle = handleOf(parsed.data.flow_trigger_definition_id);
  if (!handle) return { status: 200, body: { ignored: "not a Tailroute trigger" } };
  const changedAt = new Date(parsed.data.timestamp);
  const enabled = parsed.data.has_enabled_flow;
  const existing = await db.flowTriggerUse.findFirst({ where: { shop, handle } });
  if (!existing) {
    await db.flowTriggerUse.create({ data: { shop, handle, enabled, changedAt } }).catch(async () => {
      // A concurrent first callback created it: apply ours only if newer.
      await db.flowTriggerUse.updateMany({
        where: { shop, handle, changedAt: { lt: changedAt } },
        data: { enabled, changedAt },
      });
    });
  } else {
    await db.flowTriggerUse.updateMany({
      where: { shop, handle, changedAt: { lt: changedAt } },
      data: { enabled, changedAt },
    });
  }
  return { status: 200, body: { handle, enabled } };
}
