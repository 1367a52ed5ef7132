import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";

export interface OrderAppointmentView {
  text: string;
  warehouseKey: string | null;
  partnerName: string | null;
  changes: number;
  bookedAt: string;
  synced: boolean;
  syncError: string | null;
}

/** The buyer's freight delivery window on the merchant's order page. */
export function OrderAppointmentCard({ appointment: a }: { appointment: OrderAppointmentView }) {
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Delivery appointment
          </Text>
          <Badge tone={a.synced ? "success" : a.syncError ? "critical" : "attention"}>
            {a.synced
              ? "On the Shopify order"
              : a.syncError
                ? "Not written to Shopify"
                : "Writing to Shopify"}
          </Badge>
        </InlineStack>
        <Text as="p">{a.text}</Text>
        <Text as="p" tone="subdued">
          {`Booked by the buyer ${a.bookedAt.slice(0, 16).replace("T", " ")} UTC${a.changes ? `, changed ${a.changes}×` : ""}${a.partnerName ? ` · delivered by ${a.partnerName}` : ""}`}
        </Text>
        {a.syncError && (
          <Text as="p" tone="critical">
            {a.syncError}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}
