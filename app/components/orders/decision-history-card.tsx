import { Badge, BlockStack, Card, InlineStack, Link, List, Text } from "@shopify/polaris";
import { STATUS_TONE } from "../decision-status";

export interface DecisionHistoryItem {
  id: string;
  revision: number;
  status: string;
  createdAt: string;
  warehouses: string[];
  service: string | null;
  supersededAt: string | null;
  supersededReason: string | null;
  changes: { at: string; topic: string; outcome: string; summary: string }[];
}

const minute = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/**
 * The order's decision chain: each decision (first on orders/create, then one per re-decision after a change of
 * address or lines), why it was superseded or stopped, and the changes only recorded on it.
 */
export function DecisionHistoryCard({
  history,
  currentId,
}: {
  history: DecisionHistoryItem[];
  currentId: string;
}) {
  if (history.length <= 1 && history.every((h) => h.changes.length === 0 && !h.supersededReason)) return null;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Decision history
        </Text>
        {history.map((h) => (
          <BlockStack gap="100" key={h.id}>
            <InlineStack gap="200" blockAlign="center">
              <Badge tone={STATUS_TONE[h.status]}>{h.status}</Badge>
              {h.id === currentId ? (
                <Text as="span" fontWeight="semibold">
                  {`#${h.revision + 1} (this decision)`}
                </Text>
              ) : (
                <Link url={`/app/orders/${h.id}`}>{`#${h.revision + 1}`}</Link>
              )}
              <Text as="span" tone="subdued">
                {`${minute(h.createdAt)} · ${h.warehouses.join(", ") || "no warehouse"}${h.service ? ` · ${h.service}` : ""}`}
              </Text>
            </InlineStack>
            {h.supersededReason ? (
              <Text as="p">{`${h.status === "CANCELLED" ? "Stopped" : "Superseded"} ${h.supersededAt ? minute(h.supersededAt) : ""}: ${h.supersededReason}`}</Text>
            ) : null}
            {h.changes.length ? (
              <List>
                {h.changes.map((c, i) => (
                  <List.Item key={i}>{`${minute(c.at)} · ${c.topic} · ${c.summary}`}</List.Item>
                ))}
              </List>
            ) : null}
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}
