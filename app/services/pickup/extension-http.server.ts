import type { JwtPayload } from "@shopify/shopify-api";
import { isShopDomain } from "../../contracts/shop-domain";

/** Shopify shop domains only: the session token's `dest` is trusted only in this form. */

/** "https://shop.myshopify.com" → "shop.myshopify.com", or null when the token names no valid shop. */
export function shopFromSessionToken(token: JwtPayload): string | null {
  try {
    const host = new URL(token.dest).hostname;
    return isShopDomain(host) ? host : null;
  } catch {
    return null;
  }
}

/**
 * An extension calls from another origin: refusals (401 from the library, 400/404 from us) must carry CORS
 * headers too, or the browser hides the status from the extension's error state.
 */
export function withCorsHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set("Access-Control-Allow-Origin", "*");
  headers.set("Access-Control-Allow-Headers", "Authorization, Content-Type");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** A JSON refusal with a reason. */
export function refuse(status: number, reason: string): Response {
  return withCorsHeaders(Response.json({ error: reason }, { status }));
}

/** Runs a public-extension authentication; a thrown library Response (401, OPTIONS 204) gets CORS headers. */
export async function authenticateExtension<T>(run: () => Promise<T>): Promise<T | Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return withCorsHeaders(thrown);
    throw thrown;
  }
}
