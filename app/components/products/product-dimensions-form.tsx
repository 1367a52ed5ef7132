import { Form } from "@remix-run/react";
import { Banner, Card, FormLayout, Select, Text } from "@shopify/polaris";
import type { UnitsForm } from "../../contracts/admin-forms";
import { ErrorsBanner } from "../errors-banner";
import {
  CheckboxInput,
  DimensionFields,
  TextInput,
  WeightInput,
  type Choice,
  type FormState,
} from "../form-kit";
import { PRODUCT_FLAGS } from "../product-profile-table";
import { SaveButton } from "../save-button";
import type { ProductDraft } from "./product-draft";

/** The form that saves one variant's package dimensions, weight and handling flags. */
export function ProductDimensionsForm({
  form,
  data,
  units,
  variantChoices,
  variantsError,
  onPick,
  saving,
}: {
  form: FormState<ProductDraft>;
  data: unknown;
  units: UnitsForm;
  variantChoices: Choice[];
  variantsError: string | null;
  onPick: (variantId: string) => void;
  saving: boolean;
}) {
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="save" />
        <FormLayout>
          <Text as="h2" variant="headingMd">
            Dimensions of a variant
          </Text>
          {variantsError ? <Banner tone="warning">{variantsError}</Banner> : null}
          <ErrorsBanner data={data} />
          <Select
            label="Variant"
            name="variantId"
            options={variantChoices}
            value={form.values.variantId}
            onChange={onPick}
            error={form.error("variantId")}
          />
          <input type="hidden" name="sku" value={form.values.sku} />
          <TextInput form={form} name="name" label="Name" />
          <DimensionFields form={form} unit={units.dimensionUnit} />
          <WeightInput
            form={form}
            name="weight"
            label="Weight"
            unit={units.weightUnit}
            errorPath="weightOz"
            helpText="Used when Shopify sends no weight"
          />
          {PRODUCT_FLAGS.map(([key, label]) => (
            <CheckboxInput key={key} form={form} name={key} label={label} />
          ))}
          <SaveButton saving={saving} />
        </FormLayout>
      </Form>
    </Card>
  );
}
