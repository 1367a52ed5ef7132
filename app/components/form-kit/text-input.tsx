import { TextField, type TextFieldProps } from "@shopify/polaris";
import type { FormState, FormValues } from "./use-form-state";

type Extra = Omit<TextFieldProps, "label" | "name" | "value" | "onChange" | "autoComplete" | "error">;

/** A text field bound to one form value by name; its error is the action's error at `errorPath` (default: name). */
export function TextInput<V extends FormValues>({
  form,
  name,
  label,
  errorPath = name,
  ...extra
}: { form: FormState<V>; name: keyof V & string; label: string; errorPath?: string } & Extra) {
  return (
    <TextField
      label={label}
      name={name}
      value={String(form.values[name])}
      onChange={(value) => form.set(name)(value as V[typeof name])}
      autoComplete="off"
      error={form.error(errorPath)}
      {...extra}
    />
  );
}

/** A number field (same binding as TextInput). */
export function NumberInput<V extends FormValues>(props: Parameters<typeof TextInput<V>>[0]) {
  return <TextInput {...props} type="number" />;
}
