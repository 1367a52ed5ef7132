import type { JwtPayload } from "@shopify/shopify-api";
import type { z } from "zod";
import { zodIssuesText } from "../../contracts/zod-issues";
import { readJsonBody } from "../http/read-json-body.server";
import {
  authenticateExtension,
  refuse,
  shopFromSessionToken,
  withCorsHeaders,
} from "./extension-http.server";

/** What the library's public-extension authentication gives (checkout or customer account). */
export type ExtensionAuthenticate = (
  request: Request,
) => Promise<{ sessionToken: JwtPayload; cors: (response: Response) => Response }>;

/** An extension request that passed the shared checks. */
export interface ExtensionCall<T> {
  shop: string;
  /** The signed-in customer (`sub`), or null for a guest's token. */
  customerId: string | null;
  input: T;
  /** Adds the library's CORS headers to the answer. */
  cors: (response: Response) => Response;
}

export interface ExtensionEndpoint<T> {
  /** Names the endpoint in the log line of an unexpected failure. */
  name: string;
  /** The 503's reason when something unexpected failed (the extension shows its error state, never a 500). */
  unavailable: string;
  /** Where the input comes from: a JSON body (POST only; another method is a 405) or the query string (GET). */
  from: "json-body" | { query: (params: URLSearchParams) => unknown };
  schema: z.ZodType<T>;
}

/**
 * The opening every extension endpoint shares, in this order: the session token (401), the method (405), the shop
 * the token names (401), the input against its schema (400 with the issues); then `answer` runs. Refusals carry
 * CORS headers, so the extension sees their status and reason.
 */
export function extensionEndpoint<T>(
  endpoint: ExtensionEndpoint<T>,
  answer: (call: ExtensionCall<T>) => Promise<Response>,
): (request: Request, authenticate: ExtensionAuthenticate) => Promise<Response> {
  return async (request, authenticate) => {
    try {
      const auth = await authenticateExtension(() => authenticate(request));
      if (auth instanceof Response) return auth;
      if (endpoint.from === "json-body" && request.method !== "POST")
        return withCorsHeaders(
          new Response("Use GET or POST", { status: 405, headers: { Allow: "GET, POST" } }),
        );
      const shop = shopFromSessionToken(auth.sessionToken);
      if (!shop) return refuse(401, "The session token names no shop");
      const raw = await inputOf(request, endpoint.from);
      if (!raw.ok) return refuse(400, raw.reason);
      const parsed = endpoint.schema.safeParse(raw.value);
      if (!parsed.success) return refuse(400, zodIssuesText(parsed.error));
      const sub = auth.sessionToken.sub;
      return await answer({
        shop,
        customerId: typeof sub === "string" ? sub : null,
        input: parsed.data,
        cors: auth.cors,
      });
    } catch (error) {
      console.error(`[${endpoint.name}] request failed:`, error instanceof Error ? error.message : error);
      return refuse(503, endpoint.unavailable);
    }
  };
}

async function inputOf(
  request: Request,
  from: ExtensionEndpoint<unknown>["from"],
): Promise<{ ok: true; value: unknown } | { ok: false; reason: string }> {
  if (from === "json-body") return readJsonBody(request);
  return { ok: true, value: from.query(new URL(request.url).searchParams) };
}

/** `?orderId=` alone: the post-purchase endpoints' query (a missing id is the schema's 400). */
export const ORDER_ID_QUERY = { query: (params: URLSearchParams) => ({ orderId: params.get("orderId") }) };
