import { ProviderError, type CallOptions, type ProviderKind } from "./types";

/**
 * Runs a provider call under the caller's deadline and signal: whichever comes first ends the wait with a
 * ProviderError TIMEOUT and tells the call to stop (`onAbort` closes its socket), so a slow API never holds the
 * caller past its budget, even if the SDK ignores the abort.
 */
export async function withDeadline<T>(
  provider: ProviderKind,
  options: CallOptions,
  run: (abort: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const signals = [
    options.signal,
    options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined,
  ].filter((s): s is AbortSignal => s !== undefined);
  const ended = signals.length ? AbortSignal.any(signals) : undefined;
  if (ended?.aborted) throw timeoutError(provider, options);
  let onEnd: (() => void) | undefined;
  const deadline = new Promise<never>((_, reject) => {
    onEnd = () => {
      controller.abort();
      reject(timeoutError(provider, options));
    };
    ended?.addEventListener("abort", onEnd, { once: true });
  });
  try {
    return await Promise.race([run(controller.signal), deadline]);
  } finally {
    if (onEnd) ended?.removeEventListener("abort", onEnd);
  }
}

function timeoutError(provider: ProviderKind, options: CallOptions) {
  const reason = options.signal?.aborted
    ? "the caller stopped waiting"
    : `no answer within ${options.timeoutMs} ms`;
  return new ProviderError(
    provider,
    "TIMEOUT",
    `${provider === "EASYPOST" ? "EasyPost" : "Shippo"}: ${reason}`,
  );
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
]);

/** A Node / fetch network failure code anywhere in the error's cause chain. */
export function isNetworkError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && NETWORK_CODES.has(code)) return true;
    if (e instanceof Error && /socket hang up|fetch failed/i.test(e.message)) return true;
  }
  return false;
}
