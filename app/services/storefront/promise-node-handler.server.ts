import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "../../shopify.server";
import { answerPromiseRequest } from "./promise-endpoint.server";

/** The app proxy's path for the promise (Shopify forwards `/apps/tailroute/promise` here: shopify.app.toml). */
export const PROMISE_PATH = "/proxy/promise";

/**
 * GET /proxy/promise straight on Node's request/response, like the CarrierService callback: the product page
 * asks on every page view, so it skips Remix's request pipeline (docs/performance.md). The answer is the Remix
 * route's (app/routes/proxy.promise.tsx): the same service, the same `authenticate.public.appProxy` signature check.
 * Exported by the server build so it shares the routes' configuration cache.
 */
export async function answerPromiseFromNode(req: IncomingMessage, res: ServerResponse) {
  const host = req.headers.host ?? "localhost";
  const headers = new Headers();
  for (const name of ["user-agent", "accept", "host"]) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  const request = new Request(`http://${host}${req.url ?? PROMISE_PATH}`, { method: "GET", headers });
  const answer = await answerPromiseRequest(request, (r) => authenticate.public.appProxy(r));
  res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(await answer.text());
}
