import { Form } from "@remix-run/react";
import { FormLayout } from "@shopify/polaris";
import type { ResidentialDefault } from "../../engine/types";
import { ErrorsBanner } from "../errors-banner";
import { SelectInput, useFormState } from "../form-kit";
import { SaveButton } from "../save-button";

/** How an address the checkout does not classify is rated: residential, commercial, or guessed from the company. */
export function ResidentialForm({
  residentialDefault,
  data,
  saving,
}: {
  residentialDefault: ResidentialDefault;
  data: unknown;
  saving: boolean;
}) {
  const form = useFormState<Record<string, string>>({ residentialDefault }, data);
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="residential" />
      <FormLayout>
        <ErrorsBanner data={data} />
        <SelectInput
          form={form}
          name="residentialDefault"
          label="Addresses that do not say"
          helpText="Used at checkout and when routing orders, unless Shopify says the address is residential or commercial. Residential adds each service's residential surcharge."
          options={[
            { label: "Guess: residential unless there is a company name", value: "GUESS_FROM_COMPANY" },
            { label: "Always residential", value: "RESIDENTIAL" },
            { label: "Always commercial", value: "COMMERCIAL" },
          ]}
        />
        <SaveButton saving={saving} />
      </FormLayout>
    </Form>
  );
}
