import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, Text } from "@shopify/polaris";

/** Re-route: a PENDING decision has its actions applied now; NEEDS_INPUT / FAILED ones are decided again. */
export function RerouteCard({ status, busy }: { status: string; busy: boolean }) {
  return (
    <Card>
      <Form method="post">
        <BlockStack gap="200">
          <Text as="p">
            {status === "PENDING"
              ? "Apply the pending actions now."
              : "Decide this order again, without warehouses that refused it."}
          </Text>
          <Button submit variant="primary" loading={busy}>
            Re-route
          </Button>
        </BlockStack>
      </Form>
    </Card>
  );
}
