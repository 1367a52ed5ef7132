import type { Api } from "@shopify/ui-extensions/purchase.checkout.shipping-option-list.render-after";
import { choiceContext, type StoredChoice } from "./pickup-api";

export const CHOICE_METAFIELD = { namespace: "$app", key: "pickup_point", type: "json" } as const;
export const CHOICE_ATTRIBUTE = "_tailroute_pickup_point";

/** "CANNOT_SAVE" when the checkout's instructions allow neither cart metafields nor attributes. */
export type SaveOutcome = { ok: true } | { ok: false; reason: "CANNOT_SAVE" | string };

type CartApi = Pick<Api, "instructions" | "applyMetafieldChange" | "applyAttributeChange" | "attributes">;

/**
 * The choice saved on the cart, read back on every mount (a multi-step checkout remounts the extension):
 * the cart metafield `$app:pickup_point` first — in API 2026-07 it is read through `shopify.appMetafields`,
 * whose entries for the `[[extensions.metafields]]` declared in shopify.extension.toml carry
 * `target.type === "cart"` — then the cart attribute fallback. Malformed values count as no choice.
 */
export function storedCartChoice(api: Pick<Api, "appMetafields" | "attributes">): StoredChoice | null {
  const entry = api.appMetafields.value.find(
    (e) =>
      e.target.type === "cart" &&
      e.metafield.namespace === CHOICE_METAFIELD.namespace &&
      e.metafield.key === CHOICE_METAFIELD.key,
  );
  const fromMetafield = choiceContext(entry?.metafield.value);
  if (fromMetafield) return { ...fromMetafield, source: "metafield" };
  const attribute = api.attributes.value.find((a) => a.key === CHOICE_ATTRIBUTE);
  const fromAttribute = choiceContext(attribute?.value);
  return fromAttribute ? { ...fromAttribute, source: "attribute" } : null;
}

const outcomeOf = (result: { type: string; message?: string }): SaveOutcome =>
  result.type === "success" ? { ok: true } : { ok: false, reason: result.message ?? result.type };

/**
 * Saves (value) or clears (null) the buyer's choice on the cart: the cart metafield when the checkout's
 * instructions allow it (copied to the order), else the cart attribute (becomes an order note attribute).
 * Instructions are checked before any write, as Shopify requires.
 */
export async function saveCartChoice(api: CartApi, value: string | null): Promise<SaveOutcome> {
  if (value === null) return clearCartChoice(api);
  const instructions = api.instructions.value;
  if (instructions.metafields.canSetCartMetafields)
    return outcomeOf(
      await api.applyMetafieldChange({
        type: "updateCartMetafield",
        metafield: { ...CHOICE_METAFIELD, value },
      }),
    );
  if (instructions.attributes.canUpdateAttributes)
    return outcomeOf(
      await api.applyAttributeChange({ type: "updateAttribute", key: CHOICE_ATTRIBUTE, value }),
    );
  return { ok: false, reason: "CANNOT_SAVE" };
}

/**
 * Clears the choice wherever it may be: the cart metafield (when it may be deleted) and the attribute when
 * one is set (routing reads the attribute when no metafield exists, so a stale one must not survive).
 */
async function clearCartChoice(api: CartApi): Promise<SaveOutcome> {
  const instructions = api.instructions.value;
  const canDeleteMetafield = instructions.metafields.canDeleteCartMetafield;
  const hasAttribute = api.attributes.value.some((a) => a.key === CHOICE_ATTRIBUTE);
  let cleared = false;
  if (canDeleteMetafield) {
    const outcome = outcomeOf(
      await api.applyMetafieldChange({
        type: "removeCartMetafield",
        namespace: CHOICE_METAFIELD.namespace,
        key: CHOICE_METAFIELD.key,
      }),
    );
    if (!outcome.ok) return outcome;
    cleared = true;
  }
  if ((hasAttribute || !canDeleteMetafield) && instructions.attributes.canUpdateAttributes) {
    const outcome = outcomeOf(
      await api.applyAttributeChange({ type: "removeAttribute", key: CHOICE_ATTRIBUTE }),
    );
    if (!outcome.ok) return outcome;
    cleared = true;
  }
  return cleared ? { ok: true } : { ok: false, reason: "CANNOT_SAVE" };
}
