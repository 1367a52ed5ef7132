import { signal } from "@preact/signals";

/** One `shopify.appMetafields` entry (AppMetafieldEntry in @shopify/ui-extensions 2026-07). */
export interface FakeAppMetafieldEntry {
  target: { type: "cart" | "order" | "product" | "variant" | "shop" | "customer"; id: string };
  metafield: {
    namespace: string;
    key: string;
    value: string;
    valueType: "boolean" | "float" | "integer" | "json_string" | "string";
    type: string;
  };
}

export const FAKE_CART_ID = "gid://shopify/Cart/c1-fake";

/** A cart metafield entry as `appMetafields` carries it (target type "cart", `$app` namespace). */
export function cartMetafieldEntry(key: string, value: string, type = "json"): FakeAppMetafieldEntry {
  return {
    target: { type: "cart", id: FAKE_CART_ID },
    metafield: { namespace: "$app", key, value, valueType: type === "json" ? "json_string" : "string", type },
  };
}

type MetafieldChange =
  | {
      type: "updateCartMetafield";
      metafield: { namespace: string; key: string; type: string; value: string };
    }
  | { type: "removeCartMetafield"; namespace: string; key: string };
type AttributeChange =
  { type: "updateAttribute"; key: string; value: string } | { type: "removeAttribute"; key: string };

/**
 * A fake of the `shopify` global a checkout UI extension receives (API 2026-07): signals for the cart,
 * address, settings, instructions, attributes and `appMetafields` (the cart metafields declared in
 * shopify.extension.toml, entries `{ target: { type: "cart", id }, metafield: { namespace, key, value,
 * valueType, type } }`), the session token, i18n over the extension's own locale file, and
 * applyMetafieldChange / applyAttributeChange, which record each change and, like checkout, update the
 * matching signal — so a second mount of the extension reads back what the first one saved.
 */
export function fakeCheckoutShopify(
  locale: Record<string, unknown>,
  initial: { appMetafields?: FakeAppMetafieldEntry[]; attributes?: { key: string; value: string }[] } = {},
) {
  const lookup = (key: string): string => {
    const value = key
      .split(".")
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], locale);
    return typeof value === "string" ? value : key;
  };
  const metafieldChanges: MetafieldChange[] = [];
  const attributeChanges: AttributeChange[] = [];
  const appMetafields = signal<FakeAppMetafieldEntry[]>(initial.appMetafields ?? []);
  const attributes = signal<{ key: string; value: string }[]>(initial.attributes ?? []);
  const isCartEntry = (e: FakeAppMetafieldEntry, namespace: string, key: string) =>
    e.target.type === "cart" && e.metafield.namespace === namespace && e.metafield.key === key;
  const shopify = {
    i18n: {
      translate: (key: string, options: Record<string, string | number> = {}) =>
        lookup(key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name] ?? "")),
    },
    settings: signal<Record<string, unknown>>({ app_url: "https://tailroute.test", max_points: 5 }),
    sessionToken: { get: async () => "session-token-jwt" },
    shippingAddress: signal<Record<string, string> | undefined>({
      zip: "90012",
      countryCode: "US",
      provinceCode: "CA",
      city: "Los Angeles",
      address1: "200 N Spring St",
    }),
    lines: signal([
      {
        id: "gid://shopify/CartLine/1",
        quantity: 2,
        merchandise: { type: "variant", id: "gid://shopify/ProductVariant/44012345670003" },
        cost: { totalAmount: { amount: 40, currencyCode: "USD" } },
      },
    ]),
    attributes,
    appMetafields,
    deliveryGroups: signal([
      {
        deliveryOptions: [
          { handle: "a", code: "TR_STANDARD", title: "Standard" },
          { handle: "b", code: "TR_EXPRESS", title: "Express" },
          { handle: "c", code: "OTHER", title: "Someone else's rate" },
        ],
      },
    ]),
    instructions: signal({
      metafields: { canSetCartMetafields: true, canDeleteCartMetafield: true },
      attributes: { canUpdateAttributes: true },
    }),
    applyMetafieldChange: async (change: MetafieldChange) => {
      metafieldChanges.push(change);
      if (change.type === "updateCartMetafield") {
        const { namespace, key, value, type } = change.metafield;
        appMetafields.value = [
          ...appMetafields.value.filter((e) => !isCartEntry(e, namespace, key)),
          cartMetafieldEntry(key, value, type),
        ];
      } else {
        appMetafields.value = appMetafields.value.filter(
          (e) => !isCartEntry(e, change.namespace, change.key),
        );
      }
      return { type: "success" as const };
    },
    applyAttributeChange: async (change: AttributeChange) => {
      attributeChanges.push(change);
      const others = attributes.value.filter((a) => a.key !== change.key);
      attributes.value =
        change.type === "updateAttribute" ? [...others, { key: change.key, value: change.value }] : others;
      return { type: "success" as const };
    },
  };
  return { shopify, metafieldChanges, attributeChanges };
}

/** Lets Preact effects, fetches and re-renders settle. */
export async function settle(rounds = 6) {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
