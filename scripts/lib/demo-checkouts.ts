import { DEMO_VARIANTS, demoShopConfig } from "../../app/demo/demo-shop-config";

/** A checkout the demo replays: where it goes and what is in the cart. */
export interface DemoCheckout {
  label: string;
  destination: { postal_code: string; province: string; city: string; address1: string };
  items: { variant: keyof typeof DEMO_VARIANTS; quantity: number; priceCents: number }[];
}

export const DEMO_CHECKOUTS: DemoCheckout[] = [
  {
    label: "Small parcel, coast to coast",
    destination: { postal_code: "90012", province: "CA", city: "Los Angeles", address1: "200 N Spring St" },
    items: [{ variant: "mug", quantity: 2, priceCents: 1800 }],
  },
  {
    label: "PO box",
    destination: { postal_code: "78701", province: "TX", city: "Austin", address1: "P.O. Box 1234" },
    items: [{ variant: "watch", quantity: 1, priceCents: 18900 }],
  },
  {
    label: "Alaska",
    destination: { postal_code: "99501", province: "AK", city: "Anchorage", address1: "632 W 6th Ave" },
    items: [{ variant: "tee", quantity: 2, priceCents: 2500 }],
  },
  {
    label: "180 lb sofa",
    destination: { postal_code: "11201", province: "NY", city: "Brooklyn", address1: "10 Jay St" },
    items: [{ variant: "sofa", quantity: 1, priceCents: 129900 }],
  },
  {
    label: "Mixed cart",
    destination: { postal_code: "60601", province: "IL", city: "Chicago", address1: "100 E Randolph St" },
    items: [
      { variant: "lamp", quantity: 1, priceCents: 8900 },
      { variant: "hoodie", quantity: 2, priceCents: 5500 },
      { variant: "mugSet", quantity: 1, priceCents: 5900 },
    ],
  },
  {
    label: "Remote-area ZIP",
    destination: { postal_code: "59001", province: "MT", city: "Absarokee", address1: "12 Main St" },
    items: [{ variant: "mug", quantity: 1, priceCents: 1800 }],
  },
];

const GRAMS_PER_OZ = 28.349523125;

/** The body Shopify would POST for this checkout (the shape in docs/carrier-service.md; origin = Shopify's default location). */
export function carrierServiceRequestBody(checkout: DemoCheckout) {
  return {
    rate: {
      origin: {
        country: "US",
        postal_code: "08817",
        province: "NJ",
        city: "Edison",
        address1: "300 Raritan Center Pkwy",
      },
      destination: {
        country: "US",
        ...checkout.destination,
        name: "Demo Buyer",
        address2: null,
        company_name: null,
      },
      items: checkout.items.map(({ variant, quantity, priceCents }) => {
        const profile = demoShopConfig.productProfiles.find((p) => p.variantId === DEMO_VARIANTS[variant])!;
        return {
          name: profile.name,
          sku: profile.sku ?? null,
          quantity,
          grams: Math.round((profile.weightOz ?? 16) * GRAMS_PER_OZ),
          price: priceCents,
          vendor: "Tailroute Demo",
          requires_shipping: true,
          taxable: true,
          fulfillment_service: "manual",
          properties: null,
          product_id: null,
          variant_id: Number(DEMO_VARIANTS[variant]),
        };
      }),
      currency: "USD",
      locale: "en",
    },
  };
}
