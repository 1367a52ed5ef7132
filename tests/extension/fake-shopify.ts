import { signal } from "@preact/signals";

/**
 * A fake of the `shopify` global a checkout UI extension receives (API 2026-07): signals for the cart,
 * address, settings and instructions, the session token, i18n over the extension's own locale file, and
 * recorders for applyMetafieldChange / applyAttributeChange.
 */
export function fakeCheckoutShopify(locale: Record<string, unknown>) {
  const lookup = (key: string): string => {
    const value = key
      .split(".")
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], locale);
    return typeof value === "string" ? value : key;
  };
  const metafieldChanges: unknown[] = [];
  const attributeChanges: unknown[] = [];
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
    attributes: signal<{ key: string; value: string }[]>([]),
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
    applyMetafieldChange: async (change: unknown) => {
      metafieldChanges.push(change);
      return { type: "success" as const };
    },
    applyAttributeChange: async (change: unknown) => {
      attributeChanges.push(change);
      return { type: "success" as const };
    },
  };
  return { shopify, metafieldChanges, attributeChanges };
}

/** Lets Preact effects, fetches and re-renders settle. */
export async function settle(rounds = 6) {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
