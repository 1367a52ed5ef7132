/** Shopify's callback bodies are a few KB; anything near this is not a rate request. */
export const MAX_CALLBACK_BODY_BYTES = 1024 * 1024;

export type BodyRead = { ok: true; raw: Buffer } | { ok: false; status: 413 };

/**
 * Reads a request body up to `limitBytes`, refusing early on a declared Content-Length and while
 * streaming otherwise, so an oversized body is never buffered whole.
 */
export async function readBodyWithLimit(
  request: Request,
  limitBytes = MAX_CALLBACK_BODY_BYTES,
): Promise<BodyRead> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limitBytes) return { ok: false, status: 413 };
  if (!request.body) return { ok: true, raw: Buffer.alloc(0) };
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // Not cancelled: cancelling destroys the socket under the client's upload; the server discards the rest.
    if (size > limitBytes) {
      reader.releaseLock();
      return { ok: false, status: 413 };
    }
    chunks.push(Buffer.from(value));
  }
  return { ok: true, raw: Buffer.concat(chunks) };
}

/**
 * The same limit for a Node request stream, for a caller that answers in the same turn: `done` is called once, with
 * the body, null when the body is (or its Content-Length, `declaredBytes`, declares it) over the limit, without
 * buffering the excess, or an error
 * when the client hung up mid-body. An oversized body's stream is left paused, not destroyed: the server discards
 * the rest (app/server/drain-unread-body.ts), so the client receives the answer instead of a reset connection.
 * No promise, and the listeners stay on the request (it is discarded with them) instead of being taken off one by one.
 */
export function readNodeBody(
  stream: NodeJS.ReadableStream,
  declaredBytes: number,
  done: (error: Error | null, body: Buffer | null) => void,
  limitBytes = MAX_CALLBACK_BODY_BYTES,
): void {
  if (declaredBytes > limitBytes) return done(null, null);
  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  const onData = (chunk: Buffer | string) => {
    if (settled) return;
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    size += buffer.byteLength;
    if (size <= limitBytes) return void chunks.push(buffer);
    settled = true;
    stream.off("data", onData);
    stream.pause();
    done(null, null);
  };
  const onEnd = () => {
    if (settled) return;
    settled = true;
    done(null, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
  };
  const onError = (error: Error) => {
    if (settled) return;
    settled = true;
    done(error, null);
  };
  // A client that hangs up mid-body ends the stream without "end". Every request closes after its answer: no Error
  // (and its stack trace) is made then.
  const onClose = () => {
    if (!settled) onError(new Error("the request was closed before its body ended"));
  };
  stream.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
}
