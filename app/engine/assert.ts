/** Thrown only for programmer or configuration errors; rating problems are returned as `Issue`s instead. */
export class EngineAssertionError extends Error {
  override name = "EngineAssertionError";
}

/**
 * The engine's single assertion helper. Messages are constant strings so they can be matched in tests and logs.
 *
 * @example
 * assert(card.breaks.length > 0, "rate card needs at least one weight break");
 */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new EngineAssertionError(message);
}
