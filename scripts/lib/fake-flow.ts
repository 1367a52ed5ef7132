import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { FakeShopifyAdmin, GraphqlCall } from "./fake-shopify-admin";

/** One accepted `flowTriggerReceive`: the trigger handle and its payload, as Flow would start workflows with. */
export interface ReceivedTrigger {
  handle: string;
  payload: Record<string, unknown>;
  accessToken: string | undefined;
}

/** A trigger as its extension TOML declares it: the payload keys Flow accepts. */
export interface DeclaredTrigger {
  handle: string;
  /** `order_id`, `customer_id` for the reference fields, then the custom fields' keys. */
  keys: string[];
}

const REFERENCE_KEYS: Record<string, string> = {
  order_reference: "order_id",
  customer_reference: "customer_id",
  product_reference: "product_id",
};

/** The flow_trigger extensions under `extensionsDir` (each shopify.extension.toml read for handle and fields). */
export function declaredFlowTriggers(extensionsDir: string): DeclaredTrigger[] {
  const triggers: DeclaredTrigger[] = [];
  for (const dir of readdirSync(extensionsDir)) {
    const file = join(extensionsDir, dir, "shopify.extension.toml");
    if (!existsSync(file)) continue;
    const toml = readFileSync(file, "utf8");
    if (!/^type = "flow_trigger"$/m.test(toml)) continue;
    const handle = toml.match(/^handle = "([^"]+)"$/m)?.[1];
    if (!handle) continue;
    const keys: string[] = [];
    for (const block of toml.split("[[settings.fields]]").slice(1)) {
      const type = block.match(/^type = "([^"]+)"$/m)?.[1] ?? "";
      const key = block.match(/^key = "([^"]+)"$/m)?.[1];
      if (REFERENCE_KEYS[type]) keys.push(REFERENCE_KEYS[type]);
      else if (key) keys.push(key);
    }
    triggers.push({ handle, keys });
  }
  return triggers;
}

/**
 * The Admin API's `flowTriggerReceive(handle, payload)` for a fake shop (shopify.dev: FlowTriggerReceivePayload has
 * one field, `userErrors { field message }`). It knows the app's trigger extensions (their handles and fields) and
 * answers as Flow does: a handle that is not one of the app's triggers, a payload of 50,000 bytes or more, or a key
 * the trigger does not declare is refused with a userError and starts nothing; an accepted call is recorded.
 * `refuseNext` / `failNext` make the next calls refuse or fail with an HTTP 5xx (to test retries).
 */
export class FakeFlow {
  readonly received: ReceivedTrigger[] = [];
  /** The next n calls answer HTTP 503 (Shopify's "service unavailable" body). */
  failNext = 0;
  private readonly triggers: Map<string, DeclaredTrigger>;

  constructor(
    private readonly admin: FakeShopifyAdmin,
    triggers: DeclaredTrigger[],
  ) {
    this.triggers = new Map(triggers.map((t) => [t.handle, t]));
  }

  install(): this {
    this.admin.onRaw("flowTriggerReceive", () => {
      if (this.failNext <= 0) return undefined;
      this.failNext--;
      return { status: 503, body: { errors: "Service Unavailable" } };
    });
    this.admin.on("flowTriggerReceive", (call) => this.receive(call));
    return this;
  }

  receivedFor(handle: string): ReceivedTrigger[] {
    return this.received.filter((r) => r.handle === handle);
  }

  private receive(call: GraphqlCall) {
    const handle = call.variables.handle;
    const payload = call.variables.payload;
    const refuse = (field: string[], message: string) => ({
      flowTriggerReceive: { userErrors: [{ field, message }] },
    });
    const trigger = typeof handle === "string" ? this.triggers.get(handle) : undefined;
    if (!trigger) return refuse(["handle"], `No trigger with handle ${String(handle)} for this app`);
    if (!payload || typeof payload !== "object" || Array.isArray(payload))
      return refuse(["payload"], "Payload must be a JSON object");
    if (Buffer.byteLength(JSON.stringify(payload), "utf8") >= 50_000)
      return refuse(["payload"], "Payload must be less than 50000 bytes");
    const unknown = Object.keys(payload).filter((k) => !trigger.keys.includes(k));
    if (unknown.length)
      return refuse(["payload"], `Unknown field(s) for this trigger: ${unknown.join(", ")}`);
    this.received.push({
      handle: trigger.handle,
      payload: payload as Record<string, unknown>,
      accessToken: call.accessToken,
    });
    return { flowTriggerReceive: { userErrors: [] } };
  }
}
