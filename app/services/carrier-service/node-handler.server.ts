import type { IncomingMessage, ServerResponse } from "node:http";
import { answerCarrierRequest } from "./callback.server";
import { callbackDeps } from "./runtime.server";
import { readNodeBodyWithLimit } from "../http/request-body.server";

const headerValue = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) ?? null;

/**
 * The CarrierService callback straight on Node's request/response: the checkout's hot path skips Remix's
 * request pipeline (see docs/performance.md). Exported by the Remix server build so that it shares one
 * module graph — and one configuration cache — with the routes that invalidate it.
 */
export async function answerCarrierFromNode(
  req: IncomingMessage,
  res: ServerResponse,
  pathToken: string | null,
) {
  const rawBody = await readNodeBodyWithLimit(req);
  const answer = await answerCarrierRequest(
    { method: req.method ?? "GET", header: (name) => headerValue(req.headers[name]), rawBody },
    pathToken,
    callbackDeps(),
  );
  res.writeHead(answer.status, answer.headers).end(answer.body ?? undefined);
}
