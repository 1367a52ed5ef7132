/** Shopify's callback bodies are a few KB; anything near this is not a rate request. */
export const MAX_CALLBACK_BODY_BYTES = 1024 * 1024;

export type BodyRead = { ok: true; raw: Buffer } | { ok: false; status: 413 };

/**
 * Reads a request body up to `limitBytes`, refusing early on a declared Content-Length and while
 * streaming otherwise, so an oversized body is never buffered whole.
 */
export async function readBodyWithLimit(request: Request, limitBytes = MAX_CALLBACK_BODY_BYTES): Promise<BodyRead> {
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
    if (size > limitBytes) {
      await reader.cancel();
      return { ok: false, status: 413 };
    }
    chunks.push(Buffer.from(value));
  }
  return { ok: true, raw: Buffer.concat(chunks) };
}
