import type { IncomingMessage, ServerResponse } from "node:http";
import { answerCarrierRequest, type CallbackAnswer } from "./callback.server";
import { callbackDeps } from "./runtime.server";
import { rawHeader } from "../http/raw-header";
import { readNodeBody } from "../http/request-body.server";
import { drainBodyLeftUnread } from "../../server/drain-unread-body";

/**
 * The CarrierService callback straight on Node's request/response: the checkout's hot path skips Remix's
 * request pipeline (see docs/performance.md). Exported by the Remix server build so that it shares one
 * module graph — and one configuration cache — with the routes that invalidate it.
 *
 * A warm shop's request is answered in the turn its body ends (no promise); `onError` gets what could not be
 * answered (a client gone mid-body, an unexpected failure), for the server to log and answer 503.
 */
export function answerCarrierFromNode(
  req: IncomingMessage,
  res: ServerResponse,
  pathToken: string | null,
  onError: (error: unknown) => void,
): void {
  const raw = req.rawHeaders;
  const declaredBytes = Number(rawHeader(raw, "content-length") ?? "0");
  readNodeBody(req, declaredBytes, (error, rawBody) => {
    if (error) return onError(error);
    try {
      // Only an oversized body is left unread (the whole body is read otherwise): discard the rest after answering.
      if (rawBody === null) drainBodyLeftUnread(req, res);
      const answer = answerCarrierRequest(
        { method: req.method ?? "GET", header: (name) => rawHeader(raw, name), rawBody },
        pathToken,
        callbackDeps(),
      );
      if (answer instanceof Promise) answer.then((done) => writeAnswer(res, done)).catch(onError);
      else writeAnswer(res, answer);
    } catch (failure) {
      onError(failure);
    }
  });
}

/**
 * One write per answer: with a Content-Length, Node sends the head and the body together in one socket write;
 * without one, `writeHead` commits to chunked encoding and the body goes out framed in several buffers.
 */
export function writeAnswer(res: ServerResponse, answer: CallbackAnswer) {
  const head: string[] = [];
  for (const name in answer.headers) head.push(name, answer.headers[name]);
  if (answer.body === null) return void res.writeHead(answer.status, head).end();
  head.push("Content-Length", String(Buffer.byteLength(answer.body)));
  res.writeHead(answer.status, head).end(answer.body);
}
