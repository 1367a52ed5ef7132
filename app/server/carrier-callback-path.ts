// Matches the CarrierService callback paths on a raw request URL (app/server/node-server.ts routes them before express).
// Case-insensitive like Remix's own route matching, so no spelling of the path falls through to Remix.
const CALLBACK_PATH = /^\/api\/carrier-service(?:\/([^/?#]+))?\/?(?:[?#].*)?$/i;

/** null for `/api/carrier-service`, the token for `/api/carrier-service/:token`, undefined for other paths. */
export function carrierCallbackToken(url: string): string | null | undefined {
  const match = CALLBACK_PATH.exec(url);
  if (!match) return undefined;
  if (match[1] === undefined) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1]; // malformed %-escape: no shop has such a token, so the callback answers 401
  }
}
