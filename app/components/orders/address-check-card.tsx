import { Form } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, Text, TextField } from "@shopify/polaris";
import { useState } from "react";

interface AddressCheckView {
  status: string;
  provider: string | null;
  residential: boolean | null;
  zip4: string | null;
  poBox: boolean;
  reason: string | null;
}

/** What the carrier said about the destination, and (when undeliverable) the fix that is written back and re-routed. */
export function AddressCheckCard({
  check,
  busy,
  errors,
}: {
  check: AddressCheckView;
  busy: boolean;
  errors?: Record<string, string>;
}) {
  const [fields, setFields] = useState({ address1: "", address2: "", city: "", provinceCode: "", zip: "" });
  const field = (name: keyof typeof fields, label: string) => (
    <TextField
      label={label}
      name={name}
      autoComplete="off"
      value={fields[name]}
      onChange={(value) => setFields((f) => ({ ...f, [name]: value }))}
      error={errors?.[name]}
    />
  );
  const facts = [
    check.residential === null ? null : check.residential ? "residential" : "commercial",
    check.zip4 ? `ZIP+4 ${check.zip4}` : null,
    check.poBox ? "PO box" : null,
  ].filter(Boolean);
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Address check
        </Text>
        {check.status === "OK" ? (
          <Text as="p">{`Deliverable${facts.length ? `: ${facts.join(", ")}` : ""}`}</Text>
        ) : null}
        {check.status === "SKIPPED" ? (
          <Text
            as="p"
            tone="subdued"
          >{`Not checked (${check.reason}); the order was routed without it.`}</Text>
        ) : null}
        {check.status === "UNDELIVERABLE" ? (
          <>
            <Banner tone="critical" title="The carrier cannot deliver to this address">
              {check.reason}
            </Banner>
            <Form method="post">
              <FormLayout>
                <input type="hidden" name="intent" value="fix-address" />
                {field("address1", "Street")}
                {field("address2", "Apartment, suite")}
                {field("city", "City")}
                {field("provinceCode", "State (2 letters)")}
                {field("zip", "ZIP")}
                <input type="hidden" name="countryCode" value="US" />
                <Button submit variant="primary" loading={busy}>
                  Fix address and re-route
                </Button>
              </FormLayout>
            </Form>
          </>
        ) : null}
      </BlockStack>
    </Card>
  );
}
