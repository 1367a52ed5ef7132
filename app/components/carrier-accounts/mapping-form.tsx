import { Form } from "@remix-run/react";
import { BlockStack, Button, DataTable, FormLayout, Text } from "@shopify/polaris";
import { choicesFrom, SelectInput, TextInput, useFormState } from "../form-kit";
import { SaveButton } from "../save-button";
import type { carrierAccountsPage } from "../../services/carrier-accounts/account-store.server";

type Page = Awaited<ReturnType<typeof carrierAccountsPage>>;

/** Which Tailroute services are priced live, and by which carrier account + service code of which account. */
export function MappingForm({ page, data, saving }: { page: Page; data: unknown; saving: boolean }) {
  const form = useFormState<Record<string, string>>(
    {
      serviceCode: page.services[0]?.code ?? "",
      carrierAccountId: page.accounts[0]?.id ?? "",
      providerAccount: "",
      providerService: "",
    },
    data,
  );
  const account = page.accounts.find((a) => a.id === form.values.carrierAccountId);
  const carrierAccount = account?.carrierAccounts.find((c) => c.id === form.values.providerAccount);
  const serviceName = (code: string) => page.services.find((s) => s.code === code)?.name ?? code;
  const accountName = (id: string) => page.accounts.find((a) => a.id === id)?.label ?? id;
  return (
    <BlockStack gap="400">
      {page.mappings.length === 0 ? (
        <Text as="p">No service is priced live yet.</Text>
      ) : (
        <DataTable
          columnContentTypes={["text", "text", "text", "text", "text"]}
          headings={["Tailroute service", "Account", "Carrier account", "Service code", ""]}
          rows={page.mappings.map((m) => [
            serviceName(m.serviceCode),
            accountName(m.carrierAccountId),
            m.providerAccount,
            m.providerService,
            <Form method="post" key={m.serviceCode}>
              <input type="hidden" name="intent" value="unmap" />
              <input type="hidden" name="serviceCode" value={m.serviceCode} />
              <Button submit variant="plain" tone="critical">
                Back to rate card
              </Button>
            </Form>,
          ])}
        />
      )}
      {page.accounts.length === 0 || page.services.length === 0 ? null : (
        <Form method="post">
          <input type="hidden" name="intent" value="map" />
          <FormLayout>
            <SelectInput
              form={form}
              name="serviceCode"
              label="Tailroute service"
              options={page.services.map((s) => ({ label: `${s.name} (${s.code})`, value: s.code }))}
            />
            <SelectInput
              form={form}
              name="carrierAccountId"
              label="Connected account"
              options={page.accounts.map((a) => ({ label: `${a.label} · ${a.providerName}`, value: a.id }))}
            />
            {account && account.carrierAccounts.length > 0 ? (
              <SelectInput
                form={form}
                name="providerAccount"
                label="Carrier account"
                options={choicesFrom(
                  account.carrierAccounts,
                  (c) => c.label,
                  (c) => c.id,
                  { first: [{ label: "Pick one", value: "" }], current: form.values.providerAccount },
                )}
              />
            ) : (
              <TextInput
                form={form}
                name="providerAccount"
                label="Carrier account id"
                helpText="Test the connection to list them, or paste the id (EasyPost ca_…, Shippo object_id)."
              />
            )}
            {carrierAccount && carrierAccount.services.length > 0 ? (
              <SelectInput
                form={form}
                name="providerService"
                label="Service"
                options={choicesFrom(
                  carrierAccount.services,
                  (s) => `${s.name} (${s.code})`,
                  (s) => s.code,
                  { first: [{ label: "Pick one", value: "" }], current: form.values.providerService },
                )}
              />
            ) : (
              <TextInput
                form={form}
                name="providerService"
                label="Service code"
                helpText="As the provider names it: EasyPost Ground, 2ndDayAir, GroundAdvantage, Priority…"
              />
            )}
            <SaveButton saving={saving} label="Price live" />
          </FormLayout>
        </Form>
      )}
    </BlockStack>
  );
}
