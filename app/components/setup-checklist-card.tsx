import { Badge, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import type { ChecklistItem } from "../services/admin/home.server";

const CHECKLIST_LABELS = {
  carrierService: "Carrier service registered and active",
  warehouses: "Warehouses linked to Shopify locations",
  services: "Services enabled with rate cards",
  cartons: "Cartons to pack into",
  products: "Products with dimensions",
  testQuote: "Test quote passed",
} as const;

/** The home page's setup checklist: each step done or to do, what is missing, and a link to the page that does it. */
export function SetupChecklistCard({ checklist }: { checklist: ChecklistItem[] }) {
  const done = checklist.filter((item) => item.done).length;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between">
          <Text as="h2" variant="headingMd">
            Setup
          </Text>
          <Badge tone={done === checklist.length ? "success" : "attention"}>
            {`${done} of ${checklist.length} done`}
          </Badge>
        </InlineStack>
        {checklist.map((item) => (
          <InlineStack key={item.key} align="space-between" blockAlign="center" gap="200">
            <BlockStack gap="050">
              <InlineStack gap="200" blockAlign="center" align="start">
                <Badge tone={item.done ? "success" : "warning"}>{item.done ? "Done" : "To do"}</Badge>
                <Text as="span" fontWeight="semibold">
                  {CHECKLIST_LABELS[item.key]}
                </Text>
              </InlineStack>
              <Text as="p" tone={item.done ? "subdued" : "caution"}>
                {item.detail}
              </Text>
            </BlockStack>
            <Button url={item.url} variant="plain">
              {item.done ? "Review" : "Set up"}
            </Button>
          </InlineStack>
        ))}
      </BlockStack>
    </Card>
  );
}
