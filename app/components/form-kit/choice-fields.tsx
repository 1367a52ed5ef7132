import { BlockStack, Checkbox, Select, Text } from "@shopify/polaris";
import type { FormState, FormValues } from "./use-form-state";

/** A choice as Polaris lists it. */
export type Choice = { label: string; value: string };

/**
 * Choices from data: one per item, labelled and valued by the two functions. A current value the list no longer
 * holds (a time zone outside the list, a Shopify location since removed) is kept as a choice of its own, so
 * saving the form does not silently change it.
 */
export function choicesFrom<T>(
  items: readonly T[],
  label: (item: T) => string,
  value: (item: T) => string,
  options: { current?: string; first?: Choice[] } = {},
): Choice[] {
  const choices = [
    ...(options.first ?? []),
    ...items.map((item) => ({ label: label(item), value: value(item) })),
  ];
  const { current } = options;
  return current && !choices.some((c) => c.value === current)
    ? [...choices, { label: current, value: current }]
    : choices;
}

/** A select bound to one form value by name. */
export function SelectInput<V extends FormValues>({
  form,
  name,
  label,
  options,
  errorPath = name,
  helpText,
}: {
  form: FormState<V>;
  name: keyof V & string;
  label: string;
  options: (string | Choice)[];
  errorPath?: string;
  helpText?: string;
}) {
  return (
    <Select
      label={label}
      name={name}
      options={options}
      value={String(form.values[name])}
      onChange={(value) => form.set(name)(value as V[typeof name])}
      error={form.error(errorPath)}
      helpText={helpText}
    />
  );
}

/** A checkbox bound to one boolean form value. */
export function CheckboxInput<V extends FormValues>({
  form,
  name,
  label,
}: {
  form: FormState<V>;
  name: keyof V & string;
  label: string;
}) {
  return (
    <Checkbox
      label={label}
      name={name}
      checked={Boolean(form.values[name])}
      onChange={(checked) => form.set(name)(checked as V[typeof name])}
    />
  );
}

/** One checkbox per choice, all posting under `name` (a list field); the list's error shows under the last one. */
export function CheckboxList<V extends FormValues>({
  form,
  name,
  choices,
  errorPath = name,
}: {
  form: FormState<V>;
  name: keyof V & string;
  choices: Choice[];
  errorPath?: string;
}) {
  const picked = form.values[name] as string[];
  const error = form.error(errorPath);
  return (
    <BlockStack gap="100">
      {choices.map((choice) => (
        <Checkbox
          key={choice.value}
          label={choice.label}
          name={name}
          value={choice.value}
          checked={picked.includes(choice.value)}
          onChange={form.toggle(name, choice.value)}
        />
      ))}
      {error ? (
        <Text as="p" tone="critical">
          {error}
        </Text>
      ) : null}
    </BlockStack>
  );
}
