/** Field errors keyed by the field's path ("address.zip"), as the admin actions return them. */
export type FieldErrors = Record<string, string>;

function errorsOf(data: unknown): FieldErrors {
  if (!data || typeof data !== "object" || !("errors" in data)) return {};
  return (data as { errors?: FieldErrors }).errors ?? {};
}

/**
 * The inline error of one field from an action's answer: the error at `path` itself, else the first error under
 * it (`peakWindows.2.from` shows under the `peakWindows` field), so a list field names its bad entry.
 *
 * @example
 * fieldError({ ok: false, errors: { "extraClosedDates.1": "expected YYYY-MM-DD" } }, "extraClosedDates");
 * // "expected YYYY-MM-DD"
 */
export function fieldError(data: unknown, path: string): string | undefined {
  const errors = errorsOf(data);
  if (errors[path] !== undefined) return errors[path];
  return Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];
}

/** Every error of an action's answer, for a summary banner. */
export function allErrors(data: unknown): [string, string][] {
  return Object.entries(errorsOf(data));
}
