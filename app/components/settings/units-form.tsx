import { Form } from "@remix-run/react";
import { FormLayout } from "@shopify/polaris";
import type { UnitsForm as Units } from "../../contracts/admin-forms";
import { ErrorsBanner } from "../errors-banner";
import { SelectInput, useFormState } from "../form-kit";
import { SaveButton } from "../save-button";

/** The display units of weights and sizes (stored values stay in ounces and inches). */
export function UnitsForm({ units, data, saving }: { units: Units; data: unknown; saving: boolean }) {
  const form = useFormState<Record<string, string>>({ ...units }, data);
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="units" />
      <FormLayout>
        <ErrorsBanner data={data} />
        <FormLayout.Group>
          <SelectInput
            form={form}
            name="weightUnit"
            label="Weight"
            options={[
              { label: "Pounds (lb)", value: "LB" },
              { label: "Ounces (oz)", value: "OZ" },
              { label: "Kilograms (kg)", value: "KG" },
              { label: "Grams (g)", value: "G" },
            ]}
          />
          <SelectInput
            form={form}
            name="dimensionUnit"
            label="Dimensions"
            options={[
              { label: "Inches (in)", value: "IN" },
              { label: "Centimeters (cm)", value: "CM" },
            ]}
          />
        </FormLayout.Group>
        <SaveButton saving={saving} />
      </FormLayout>
    </Form>
  );
}
