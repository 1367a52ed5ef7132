import { useEffect, useMemo, useState } from "react";
import { fieldError } from "./field-errors";

/** What a form field holds: text inputs and selects a string, a checkbox a boolean, a checkbox list strings. */
export type FormValue = string | boolean | string[];
export type FormValues = Record<string, FormValue>;

export interface FormState<V extends FormValues> {
  values: V;
  /** A change handler for one field (`onChange={form.set("name")}`). */
  set: <K extends keyof V>(key: K) => (value: V[K]) => void;
  /** A change handler for one checkbox of a list field: adds or removes `item`. */
  toggle: (key: keyof V, item: string) => (checked: boolean) => void;
  /** The inline error of a field from the action's answer (by path or under it; see fieldError). */
  error: (path: string) => string | undefined;
  /** Every value at once (a row picked for editing). */
  replace: (values: V) => void;
  /** Back to the values the page was loaded with. */
  reset: () => void;
}

/**
 * The state of an admin form: values typed so far, change handlers, and the action's inline errors. The form goes
 * back to `initial` whenever the loaded values change (after a save the loader runs again, so the form shows what
 * was stored, e.g. "12.5" typed comes back as "12.50"), and keeps what was typed when a save is refused (422).
 */
export function useFormState<V extends FormValues>(initial: V, actionData?: unknown): FormState<V> {
  const [values, setValues] = useState<V>(initial);
  const loaded = JSON.stringify(initial);
  useEffect(() => setValues(JSON.parse(loaded) as V), [loaded]);
  return useMemo(
    () => ({
      values,
      set: (key) => (value) => setValues((v) => ({ ...v, [key]: value })),
      toggle: (key, item) => (checked) =>
        setValues((v) => {
          const list = (v[key] as string[]).filter((x) => x !== item);
          return { ...v, [key]: checked ? [...list, item] : list };
        }),
      error: (path) => fieldError(actionData, path),
      replace: setValues,
      reset: () => setValues(JSON.parse(loaded) as V),
    }),
    [values, actionData, loaded],
  );
}
