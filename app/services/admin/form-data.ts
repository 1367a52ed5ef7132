import type { z } from "zod";
import type { FieldErrors } from "../../components/form-kit/field-errors";

// FormData → plain values for a zod contract; zod errors → inline field errors. No business rules here.

/** A text field: trimmed, "" when absent. */
export const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** A number field: undefined when empty (zod then says "enter …"), NaN when not a number. */
export function num(form: FormData, name: string): number | undefined {
  const value = text(form, name);
  return value === "" ? undefined : Number(value);
}

/** A checkbox: present = checked. */
export const bool = (form: FormData, name: string) => form.get(name) !== null && form.get(name) !== "false";

/** Non-empty lines of a textarea (or a comma/space separated list). */
export const list = (value: string) =>
  value
    .split(/[\s,;]+/)
    .map((v) => v.trim())
    .filter(Boolean);

/** zod issues → `{ "address.zip": "expected a 5-digit ZIP" }` (first message per field). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "form";
    errors[path] ??= issue.message;
  }
  return errors;
}

export type SaveResult<T = undefined> =
  { ok: true; message: string; value?: T } | { ok: false; errors: FieldErrors };

/** The HTTP status an action answers a save result with: 422 for invalid input (nothing saved). */
/** A dollar amount typed in a form → integer cents; undefined / NaN pass through for zod to name. */
export const dollarsToCents = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? value : Math.round(value * 100);

export const statusOf = (result: { ok: boolean }) => (result.ok ? 200 : 422);
