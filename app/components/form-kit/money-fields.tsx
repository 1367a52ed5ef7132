import { FormLayout } from "@shopify/polaris";
import { NumberInput } from "./text-input";
import type { FormState, FormValues } from "./use-form-state";

// Money in forms: people type dollars ("12.50"), the action stores integer cents (admin/form-data.ts,
// dollarsToCents). Initial values come from cents through centsToDollarsInput (app/format).

/** A dollars field: the label says "($)", cents steps; its error is the cents field's (`errorPath`). */
export function MoneyInput<V extends FormValues>({
  form,
  name,
  label,
  errorPath,
  helpText,
  placeholder,
}: {
  form: FormState<V>;
  name: keyof V & string;
  label: string;
  errorPath?: string;
  helpText?: string;
  placeholder?: string;
}) {
  return (
    <NumberInput
      form={form}
      name={name}
      label={`${label} ($)`}
      errorPath={errorPath ?? name}
      step={0.01}
      helpText={helpText}
      placeholder={placeholder}
    />
  );
}

/** A markup: percent on the carrier cost plus a fixed fee per order (fields `markupPercent`, `markupFixed`). */
export function MarkupFields<V extends FormValues>({ form }: { form: FormState<V> }) {
  return (
    <FormLayout.Group condensed>
      <NumberInput form={form} name="markupPercent" label="Markup (%)" step={0.01} />
      <MoneyInput form={form} name="markupFixed" label="Fixed fee per order" errorPath="markupFixedCents" />
    </FormLayout.Group>
  );
}
