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
 * The same limit for a Node request stream: null when the body is (or declares itself) over the limit, without
 * buffering the excess. The stream is left paused, not destroyed: the server discards the rest
 * (app/server/drain-unread-body.ts), so the client receives the answer instead of a reset connection.
 */
export function readNodeBodyWithLimit(
  stream: NodeJS.ReadableStream & { headers: Record<string, string | string[] | undefined> },
  limitBytes = MAX_CALLBACK_BODY_BYTES,
): Promise<Buffer | null> {
  if (Number(stream.headers["content-length"] ?? "0") > limitBytes) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (result: Buffer | null) => {
      stream.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
      if (result === null) stream.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += buffer.byteLength;
      if (size > limitBytes) return stop(null);
      chunks.push(buffer);
    };
    const onEnd = () => stop(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    const onError = (error: Error) => {
      stream.off("data", onData).off("end", onEnd).off("close", onClose);
      reject(error);
    };
    // A client that hangs up mid-body ends the stream without "end".
    const onClose = () => onError(new Error("the request was closed before its body ended"));
    stream.on("data", onData).once("end", onEnd).once("error", onError).once("close", onClose);
  });
}
