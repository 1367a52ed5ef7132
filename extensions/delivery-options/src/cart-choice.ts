import type { Api } from "@shopify/ui-extensions/purchase.checkout.shipping-option-list.render-after";

export const CHOICE_METAFIELD = { namespace: "$app", key: "pickup_point", type: "json" } as const;
export const CHOICE_ATTRIBUTE = "_tailroute_pickup_point";

/** "CANNOT_SAVE" when the checkout's instructions allow neither cart metafields nor attributes. */
export type SaveOutcome = { ok: true } | { ok: false; reason: "CANNOT_SAVE" | string };

/**
 * Saves (value) or clears (null) the buyer's choice on the cart: the cart metafield when the checkout's
 * instructions allow it (copied to the order), else the cart attribute (becomes an order note attribute).
 * Instructions are checked before any write, as Shopify requires.
 */
export async function saveCartChoice(api: Api, value: string | null): Promise<SaveOutcome> {
  const instructions = api.instructions.value;
  const metafieldsAllowed =
    value === null
      ? instructions.metafields.canDeleteCartMetafield
      : instructions.metafields.canSetCartMetafields;
  if (metafieldsAllowed) {
    const result = await api.applyMetafieldChange(
      value === null
        ? { type: "removeCartMetafield", namespace: CHOICE_METAFIELD.namespace, key: CHOICE_METAFIELD.key }
        : { type: "updateCartMetafield", metafield: { ...CHOICE_METAFIELD, value } },
    );
    return result.type === "success" ? { ok: true } : { ok: false, reason: result.message };
  }
  if (instructions.attributes.canUpdateAttributes) {
    const result = await api.applyAttributeChange(
      value === null
        ? { type: "removeAttribute", key: CHOICE_ATTRIBUTE }
        : { type: "updateAttribute", key: CHOICE_ATTRIBUTE, value },
    );
    return result.type === "success" ? { ok: true } : { ok: false, reason: result.message };
  }
  return { ok: false, reason: "CANNOT_SAVE" };
}
