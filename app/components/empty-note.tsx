import { BlockStack, Box, Button, Text } from "@shopify/polaris";
import type { ReactNode } from "react";

/**
 * An empty list's message and first action, without an illustration. Polaris `EmptyState` always draws its image,
 * and with none it keeps a grey placeholder circle over the heading.
 */
export function EmptyNote({
  heading,
  children,
  action,
}: {
  heading: string;
  children?: ReactNode;
  action?: { content: string; url?: string; onAction?: () => void };
}) {
  return (
    <Box padding="800">
      <BlockStack gap="300" inlineAlign="center">
        <Text as="p" variant="headingMd" alignment="center">
          {heading}
        </Text>
        {children ? (
          <Box maxWidth="460px">
            <div style={{ textAlign: "center", color: "var(--p-color-text-secondary)" }}>{children}</div>
          </Box>
        ) : null}
        {action ? (
          <Button variant="primary" url={action.url} onClick={action.onAction}>
            {action.content}
          </Button>
        ) : null}
      </BlockStack>
    </Box>
  );
}
