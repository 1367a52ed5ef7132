import { Button, InlineStack } from "@shopify/polaris";

/** The form's submit button, with the loading state while the action runs. */
export function SaveButton({ saving, label = "Save" }: { saving: boolean; label?: string }) {
  return (
    <InlineStack align="end">
      <Button submit variant="primary" loading={saving}>
        {label}
      </Button>
    </InlineStack>
  );
}
