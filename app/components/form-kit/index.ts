// The admin form kit: form state bound to Polaris fields by name, each field showing the action's error for it.
// docs/admin.md ("Form kit") shows a page built from it.
export { allErrors, fieldError, type FieldErrors } from "./field-errors";
export { useFormState, type FormState, type FormValue, type FormValues } from "./use-form-state";
export { NumberInput, TextInput } from "./text-input";
export { MarkupFields, MoneyInput } from "./money-fields";
export { DimensionFields, WeightInput } from "./measure-fields";
export { CheckboxInput, CheckboxList, choicesFrom, SelectInput, type Choice } from "./choice-fields";
export { centsToDollarsInput } from "../../format";
