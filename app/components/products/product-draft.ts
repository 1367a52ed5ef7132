import { PRODUCT_FLAGS } from "../product-profile-table";

type Flag = (typeof PRODUCT_FLAGS)[number][0];
type Profile = {
  variantId: string | null;
  sku: string | null;
  name: string;
  length: number;
  width: number;
  height: number;
  weight: number | null;
} & Record<Flag, boolean>;
type Variant = { variantId: string; sku: string | null; title: string };

/** The dimensions form's fields (numbers as typed text, in the shop's display units). */
export type ProductDraft = {
  variantId: string;
  sku: string;
  name: string;
  length: string;
  width: string;
  height: string;
  weight: string;
} & Record<Flag, boolean>;

export const EMPTY_DRAFT: ProductDraft = {
  variantId: "",
  sku: "",
  name: "",
  length: "",
  width: "",
  height: "",
  weight: "",
  fragile: false,
  valuable: false,
  coldChain: false,
  bulky: false,
  shipAlone: false,
};

const typed = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));

/**
 * The form for one variant: its stored profile when there is one, else empty dimensions; the SKU and name from
 * the profile, else from Shopify's variant.
 */
export function draftFor(variantId: string, profiles: Profile[], variants: Variant[]): ProductDraft {
  const profile = profiles.find((p) => p.variantId === variantId);
  const variant = variants.find((v) => v.variantId === variantId);
  const flags = profile ? Object.fromEntries(PRODUCT_FLAGS.map(([flag]) => [flag, profile[flag]])) : {};
  return {
    ...EMPTY_DRAFT,
    ...flags,
    ...(profile
      ? {
          length: typed(profile.length),
          width: typed(profile.width),
          height: typed(profile.height),
          weight: typed(profile.weight),
        }
      : {}),
    variantId,
    sku: profile?.sku ?? variant?.sku ?? "",
    name: profile?.name ?? variant?.title ?? "",
  };
}
