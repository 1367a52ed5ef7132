import { FormLayout } from "@shopify/polaris";
import { unitLabel } from "../../services/admin/units";
import type { UnitsForm } from "../../contracts/admin-forms";
import { NumberInput } from "./text-input";
import type { FormState, FormValues } from "./use-form-state";

// Lengths and weights are typed in the shop's display units (Settings); the action converts them to the stored
// inches and ounces (admin/units.ts). The label always names the unit.

/**
 * Length × width × height in the shop's dimension unit (fields `length`, `width`, `height`). Fractions are
 * allowed (a 10.5 in mailer): without a step, the browser would refuse any value that is not a whole number.
 */
export function DimensionFields<V extends FormValues>({
  form,
  unit,
  errorPaths = { length: "lengthIn", width: "widthIn", height: "heightIn" },
}: {
  form: FormState<V>;
  unit: UnitsForm["dimensionUnit"];
  errorPaths?: { length: string; width: string; height: string };
}) {
  const u = unitLabel[unit];
  return (
    <FormLayout.Group condensed>
      <NumberInput
        form={form}
        name="length"
        label={`Length (${u})`}
        errorPath={errorPaths.length}
        min={0}
        step={0.01}
      />
      <NumberInput
        form={form}
        name="width"
        label={`Width (${u})`}
        errorPath={errorPaths.width}
        min={0}
        step={0.01}
      />
      <NumberInput
        form={form}
        name="height"
        label={`Height (${u})`}
        errorPath={errorPaths.height}
        min={0}
        step={0.01}
      />
    </FormLayout.Group>
  );
}

/** A weight in the shop's weight unit. */
export function WeightInput<V extends FormValues>({
  form,
  name,
  label,
  unit,
  errorPath,
  helpText,
}: {
  form: FormState<V>;
  name: keyof V & string;
  label: string;
  unit: UnitsForm["weightUnit"];
  errorPath?: string;
  helpText?: string;
}) {
  return (
    <NumberInput
      form={form}
      name={name}
      label={`${label} (${unitLabel[unit]})`}
      errorPath={errorPath ?? name}
      step={0.01}
      min={0}
      helpText={helpText}
    />
  );
}
