import type { GraphQLClient } from "graphql-request";
import { adminRequest, type RetryPolicy } from "../order-routing/admin-retry.server";
import { FLOW_PAYLOAD_MAX_BYTES, flowPayloadBytes } from "./flow-payload";

const FLOW_TRIGGER_RECEIVE = `#graphql
  mutation flowTriggerReceive($handle: String, $payload: JSON) {
    flowTriggerReceive(handle: $handle, payload: $payload) {
      userErrors { field message }
    }
  }`;

/**
 * Starts the workflows of a shop that begin with the trigger (Admin GraphQL `flowTriggerReceive`, handle + payload).
 * A payload at or over Flow's 50,000-byte limit is refused here, before the call; Shopify's `userErrors` (an unknown
 * handle, a payload that does not match the trigger's fields) are a refusal that waiting will not heal. Throttling,
 * 5xx and network failures are retried by `adminRequest`, then thrown (the job tries again later).
 */
export async function fireFlowTrigger(
  client: GraphQLClient,
  handle: string,
  payload: Record<string, unknown>,
  retry?: RetryPolicy,
): Promise<{ ok: true } | { ok: false; detail: string }> {
  const bytes = flowPayloadBytes(payload);
  if (bytes >= FLOW_PAYLOAD_MAX_BYTES)
    return {
      ok: false,
      detail: `payload of ${bytes} bytes is over Flow's ${FLOW_PAYLOAD_MAX_BYTES}-byte limit`,
    };
  const data = await adminRequest<{
    flowTriggerReceive: { userErrors: { field?: string[] | null; message: string }[] } | null;
  }>(client, FLOW_TRIGGER_RECEIVE, { handle, payload }, ...(retry ? [retry] : []));
  const errors = data.flowTriggerReceive?.userErrors ?? [];
  if (errors.length)
    return {
      ok: false,
      detail: `Flow refused: ${errors.map((e) => `${e.field?.join(".") ?? ""} ${e.message}`.trim()).join("; ")}`,
    };
  return { ok: true };
}
