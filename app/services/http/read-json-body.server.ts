const MAX_BYTES = 16 * 1024;

/** Reads a small JSON body; a missing, oversized or malformed body is a reason, not an exception. */
export async function readJsonBody(
  request: Request,
): Promise<{ ok: true; value: unknown } | { ok: false; reason: string }> {
  const text = await request.text();
  if (!text) return { ok: false, reason: "A JSON body is required" };
  if (text.length > MAX_BYTES) return { ok: false, reason: "The body is too large" };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: "The body is not valid JSON" };
  }
}
