import { Form } from "@remix-run/react";
import { Banner, Card, FormLayout, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { ErrorsBanner } from "../errors-banner";
import { TextInput, useFormState } from "../form-kit";
import { SaveButton } from "../save-button";

/** ZIP, optional state, and a quantity per product (`qty.<variantId>`); the first product starts at one. */
export function SimulatorForm({
  products,
  variantsError,
  data,
  busy,
}: {
  products: { variantId: string; title: string }[];
  variantsError: string | null;
  data: unknown;
  busy: boolean;
}) {
  const form = useFormState({ zip: "10001", state: "" }, data);
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    products[0] ? { [products[0].variantId]: "1" } : {},
  );
  const linesError = form.error("lines");
  return (
    <Card>
      <Form method="post">
        <FormLayout>
          <ErrorsBanner data={data} title="Cannot simulate" />
          {variantsError ? <Banner tone="warning">{variantsError}</Banner> : null}
          <FormLayout.Group condensed>
            <TextInput form={form} name="zip" label="ZIP code" />
            <TextInput form={form} name="state" label="State (optional)" maxLength={2} />
          </FormLayout.Group>
          <Text as="h3" variant="headingSm">
            Cart
          </Text>
          {products.length === 0 ? (
            <Text as="p" tone="subdued">
              No products yet: add dimensions on the Products page.
            </Text>
          ) : null}
          {products.map((p) => (
            <TextField
              key={p.variantId}
              label={p.title}
              name={`qty.${p.variantId}`}
              type="number"
              min={0}
              value={quantities[p.variantId] ?? ""}
              onChange={(value) => setQuantities((q) => ({ ...q, [p.variantId]: value }))}
              autoComplete="off"
              placeholder="0"
            />
          ))}
          {linesError ? (
            <Text as="p" tone="critical">
              {linesError}
            </Text>
          ) : null}
          <SaveButton saving={busy} label="Get rates" />
        </FormLayout>
      </Form>
    </Card>
  );
}
