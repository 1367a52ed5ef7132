import { Form } from "@remix-run/react";
import { BlockStack, Button, FormLayout, InlineStack, Modal, Select, Text } from "@shopify/polaris";
import { ErrorsBanner } from "../errors-banner";
import { TextInput, useFormState } from "../form-kit";
import { MODE_LABELS } from "../delivery-labels";

type CatalogueChoice = {
  id: string;
  name: string;
  carrier: string;
  mode: string;
  tier: string;
  template: boolean;
  defaultCode: string;
};

/**
 * "Add from catalogue": pick a built-in service, keep or change its code and name, and create it prefilled with
 * the catalogue's limits, DIM rule, transit template and surcharges. A refused save keeps the modal open with
 * the error under its field (a code already used by this shop).
 */
export function AddFromCatalogueModal({
  open,
  onClose,
  catalogue,
  actionData,
  saving,
}: {
  open: boolean;
  onClose: () => void;
  catalogue: CatalogueChoice[];
  actionData: unknown;
  saving: boolean;
}) {
  const first = catalogue[0];
  const form = useFormState(
    { catalogueId: first?.id ?? "", code: first?.defaultCode ?? "", name: first?.name ?? "" },
    actionData,
  );
  const picked = catalogue.find((c) => c.id === form.values.catalogueId);
  // Picking another entry proposes its code and name (the merchant may still change them).
  const pick = (id: string) => {
    const entry = catalogue.find((c) => c.id === id);
    form.replace({ catalogueId: id, code: entry?.defaultCode ?? "", name: entry?.name ?? "" });
  };
  const options = catalogue.map((c) => ({
    label: `${c.carrier} · ${c.name}${c.template ? " (template)" : ""}`,
    value: c.id,
  }));
  return (
    <Modal open={open} onClose={onClose} title="Add a carrier service from the catalogue">
      <Modal.Section>
        <Form method="post">
          <input type="hidden" name="intent" value="addFromCatalogue" />
          <BlockStack gap="400">
            <ErrorsBanner data={actionData} />
            <FormLayout>
              <Select
                label="Service"
                name="catalogueId"
                options={options}
                value={form.values.catalogueId}
                onChange={pick}
                error={form.error("catalogueId")}
              />
              {picked ? (
                <Text as="p" tone="subdued">
                  {`${MODE_LABELS[picked.mode as keyof typeof MODE_LABELS] ?? picked.mode} · ${picked.tier.toLowerCase()} tier. ` +
                    "Starts with the carrier's published limits and transit template; it quotes once you upload your rate card."}
                </Text>
              ) : null}
              <TextInput
                form={form}
                name="code"
                label="Service code"
                helpText="Stable id used in checkout rates and the order log"
              />
              <TextInput form={form} name="name" label="Name shown to you" />
            </FormLayout>
            <InlineStack align="end" gap="200">
              <Button onClick={onClose}>Cancel</Button>
              <Button submit variant="primary" loading={saving}>
                Add service
              </Button>
            </InlineStack>
          </BlockStack>
        </Form>
      </Modal.Section>
    </Modal>
  );
}
