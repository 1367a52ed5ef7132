import { Form } from "@remix-run/react";
import { Box, Button, InlineStack, Text } from "@shopify/polaris";

/** Bulk "Buy labels": every routed order listed on the page (each one's label bought in the background). */
export function BulkLabelsForm({ decisionIds, busy }: { decisionIds: string[]; busy: boolean }) {
  if (decisionIds.length === 0) return null;
  return (
    <Box padding="300">
      <Form method="post">
        <input type="hidden" name="intent" value="bulk-labels" />
        {decisionIds.map((id) => (
          <input key={id} type="hidden" name="decisionId" value={id} />
        ))}
        <InlineStack gap="200" blockAlign="center">
          <Button submit loading={busy}>
            {`Buy labels for ${decisionIds.length} routed order(s)`}
          </Button>
          <Text as="span" tone="subdued">
            Merchant-managed warehouses only; each order is rated again across the connected accounts.
          </Text>
        </InlineStack>
      </Form>
    </Box>
  );
}
