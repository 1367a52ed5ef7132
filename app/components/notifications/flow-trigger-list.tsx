import { Badge, BlockStack, InlineStack, Text } from "@shopify/polaris";

export interface FlowTriggerRow {
  kind: string;
  handle: string;
  name: string;
  enabled: boolean;
}

/** The app's Flow triggers and whether a workflow of the shop uses each (Flow's lifecycle callback). */
export function FlowTriggerList({ triggers }: { triggers: FlowTriggerRow[] }) {
  return (
    <BlockStack gap="200">
      {triggers.map((t) => (
        <InlineStack key={t.handle} align="space-between" blockAlign="center">
          <BlockStack gap="050">
            <Text as="span" fontWeight="semibold">
              {t.name}
            </Text>
            <Text as="span" tone="subdued" variant="bodySm">
              {t.handle}
            </Text>
          </BlockStack>
          {t.enabled ? <Badge tone="success">Used by a workflow</Badge> : <Badge>Not used</Badge>}
        </InlineStack>
      ))}
    </BlockStack>
  );
}
