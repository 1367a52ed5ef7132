import { Form } from "@remix-run/react";
import { Button, Card, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { ErrorsBanner } from "../errors-banner";
import { TextInput, useFormState } from "../form-kit";
import { SaveButton } from "../save-button";
import { ProductPicker, type PickedProduct } from "./product-picker";

type CartLine = PickedProduct & { quantity: string };

/**
 * ZIP, optional state and street address (a PO box there goes by USPS only, as at checkout), and the cart: products found by search (ProductPicker), a quantity each (`qty.<variantId>`).
 * The cart starts with the first suggested product, one of it.
 */
export function SimulatorForm({
  suggested,
  data,
  busy,
}: {
  suggested: PickedProduct[];
  data: unknown;
  busy: boolean;
}) {
  const form = useFormState({ zip: "10001", state: "", address1: "" }, data);
  const [cart, setCart] = useState<CartLine[]>(() =>
    suggested[0] ? [{ ...suggested[0], quantity: "1" }] : [],
  );
  const add = (product: PickedProduct) =>
    setCart((lines) =>
      lines.some((l) => l.variantId === product.variantId)
        ? lines
        : [...lines, { ...product, quantity: "1" }],
    );
  const setQuantity = (variantId: string) => (quantity: string) =>
    setCart((lines) => lines.map((l) => (l.variantId === variantId ? { ...l, quantity } : l)));
  const remove = (variantId: string) => setCart((lines) => lines.filter((l) => l.variantId !== variantId));
  const linesError = form.error("lines");
  return (
    <Card>
      <Form method="post">
        <FormLayout>
          <ErrorsBanner data={data} title="Cannot simulate" />
          <FormLayout.Group condensed>
            <TextInput form={form} name="zip" label="ZIP code" />
            <TextInput form={form} name="state" label="State (optional)" maxLength={2} />
          </FormLayout.Group>
          <TextInput
            form={form}
            name="address1"
            label="Street address (optional)"
            helpText="As the buyer types it: a PO box goes by USPS only"
          />
          <Text as="h3" variant="headingSm">
            Cart
          </Text>
          <ProductPicker onPick={add} suggested={suggested} />
          {cart.length === 0 ? (
            <Text as="p" tone="subdued">
              The cart is empty: search for a product above.
            </Text>
          ) : null}
          {cart.map((line) => (
            <InlineStack key={line.variantId} gap="200" blockAlign="end" wrap={false}>
              <div style={{ flex: 1 }}>
                <TextField
                  label={line.title}
                  name={`qty.${line.variantId}`}
                  type="number"
                  min={0}
                  value={line.quantity}
                  onChange={setQuantity(line.variantId)}
                  autoComplete="off"
                />
              </div>
              <Button
                variant="tertiary"
                accessibilityLabel={`Remove ${line.title}`}
                onClick={() => remove(line.variantId)}
              >
                Remove
              </Button>
            </InlineStack>
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
