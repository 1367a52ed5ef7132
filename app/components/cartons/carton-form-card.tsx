import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, FormLayout, InlineStack, Text } from "@shopify/polaris";
import type { UnitsForm } from "../../contracts/admin-forms";
import {
  CheckboxInput,
  CheckboxList,
  DimensionFields,
  TextInput,
  WeightInput,
  choicesFrom,
  type FormState,
} from "../form-kit";

/** The carton form's values as typed (display units); "" = a new carton. */
export type CartonFormValues = {
  id: string;
  key: string;
  name: string;
  length: string;
  width: string;
  height: string;
  tareWeight: string;
  maxWeight: string;
  active: boolean;
  warehouseKeys: string[];
};

export const NEW_CARTON: CartonFormValues = {
  id: "",
  key: "",
  name: "",
  length: "",
  width: "",
  height: "",
  tareWeight: "",
  maxWeight: "",
  active: true,
  warehouseKeys: [],
};

/** Create or edit one carton: inner dimensions, empty and maximum weight, in use, stocked by which warehouses. */
export function CartonFormCard({
  form,
  units,
  warehouses,
  saving,
}: {
  form: FormState<CartonFormValues>;
  units: UnitsForm;
  warehouses: { key: string; name: string }[];
  saving: boolean;
}) {
  const editing = form.values.id !== "";
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="id" value={form.values.id} />
        <BlockStack gap="400">
          <Text as="h2" variant="headingSm">
            {editing ? `Edit ${form.values.name}` : "New carton"}
          </Text>
          <FormLayout>
            <FormLayout.Group>
              <TextInput form={form} name="name" label="Name" />
              <TextInput form={form} name="key" label="Key" helpText="Stable id, e.g. box-m" />
            </FormLayout.Group>
            <Text as="p" tone="subdued">
              Inner dimensions: what fits inside.
            </Text>
            <DimensionFields form={form} unit={units.dimensionUnit} />
            <FormLayout.Group>
              <WeightInput
                form={form}
                name="tareWeight"
                label="Empty weight"
                unit={units.weightUnit}
                errorPath="tareWeightOz"
              />
              <WeightInput
                form={form}
                name="maxWeight"
                label="Maximum packed weight"
                unit={units.weightUnit}
                errorPath="maxWeightOz"
                helpText="Contents and carton together"
              />
            </FormLayout.Group>
            <CheckboxInput form={form} name="active" label="In use (packed into at checkout)" />
            <Text as="p" tone="subdued">
              Stocked at (none ticked = every warehouse)
            </Text>
            <CheckboxList
              form={form}
              name="warehouseKeys"
              choices={choicesFrom(
                warehouses,
                (w) => w.name,
                (w) => w.key,
              )}
            />
          </FormLayout>
          <InlineStack align="end" gap="200">
            {editing ? <Button onClick={form.reset}>New carton instead</Button> : null}
            <Button submit variant="primary" loading={saving}>
              {editing ? "Save carton" : "Add carton"}
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}
