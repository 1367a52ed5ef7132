const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/**
 * A shop's permanent `*.myshopify.com` domain, lower-case as Shopify sends it. Every endpoint that reads a shop
 * from a header or a query parameter checks it here before looking the shop up.
 *
 * @example
 * isShopDomain("tailroute-demo.myshopify.com"); // true
 * isShopDomain("evil.example.com"); // false
 */
export const isShopDomain = (value: string): boolean => SHOP_DOMAIN.test(value);
