import { Form } from "@remix-run/react";
import { FormLayout } from "@shopify/polaris";
import { SelectInput, TextInput, useFormState } from "../form-kit";
import { SaveButton } from "../save-button";

const EMPTY = { provider: "EASYPOST", label: "", apiKey: "" };

/** Connect an EasyPost or Shippo account: the key is sent once and never shown again (only its last four). */
export function AddAccountForm({ data, saving }: { data: unknown; saving: boolean }) {
  const form = useFormState<Record<string, string>>(EMPTY, data);
  return (
    <Form method="post" autoComplete="off">
      <input type="hidden" name="intent" value="add" />
      <FormLayout>
        <SelectInput
          form={form}
          name="provider"
          label="Shipping API"
          options={[
            { label: "EasyPost", value: "EASYPOST" },
            { label: "Shippo", value: "SHIPPO" },
          ]}
        />
        <TextInput form={form} name="label" label="Name" placeholder="Main EasyPost account" />
        <TextInput
          form={form}
          name="apiKey"
          label="API key"
          type="password"
          helpText="Stored encrypted (AES-256-GCM). It is never shown again, exported or logged: only its last four characters."
        />
        <SaveButton saving={saving} label="Connect" />
      </FormLayout>
    </Form>
  );
}
