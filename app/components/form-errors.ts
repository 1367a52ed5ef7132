/** Field errors keyed by the field's path ("address.zip"), as the admin actions return them. */
export type FieldErrors = Record<string, string>;

/** The inline error of one field from an action's answer, if any. */
export function fieldError(data: unknown, path: string): string | undefined {
  if (!data || typeof data !== "object" || !("errors" in data)) return undefined;
  const errors = (data as { errors?: FieldErrors }).errors;
  return errors?.[path];
}

/** Every error of an action's answer, for a summary banner. */
export function allErrors(data: unknown): [string, string][] {
  if (!data || typeof data !== "object" || !("errors" in data)) return [];
  return Object.entries((data as { errors?: FieldErrors }).errors ?? {});
}
