import { Badge, EmptyState, IndexTable, Text } from "@shopify/polaris";

export interface LogRow {
  id: string;
  kind: string;
  channel: string;
  orderName: string | null;
  orderId: string | null;
  status: string;
  detail: string | null;
  createdAt: string;
  sentAt: string | null;
}

const TONE: Record<string, "success" | "critical" | "attention" | undefined> = {
  SENT: "success",
  FAILED: "critical",
  PENDING: "attention",
};

/** What was sent or fired, newest first: kind, order, channel, time and result (never a buyer's address). */
export function NotificationLogTable({ rows }: { rows: LogRow[] }) {
  if (rows.length === 0)
    return (
      <EmptyState heading="Nothing sent yet" image="">
        <p>A parcel arriving at a pickup point, a failed delivery attempt or a hold ending shows here.</p>
      </EmptyState>
    );
  return (
    <IndexTable
      itemCount={rows.length}
      selectable={false}
      headings={[
        { title: "Time" },
        { title: "Kind" },
        { title: "Order" },
        { title: "Channel" },
        { title: "Result" },
      ]}
    >
      {rows.map((r, i) => (
        <IndexTable.Row id={r.id} key={r.id} position={i}>
          <IndexTable.Cell>{(r.sentAt ?? r.createdAt).replace("T", " ").slice(0, 16)}</IndexTable.Cell>
          <IndexTable.Cell>{r.kind}</IndexTable.Cell>
          <IndexTable.Cell>{r.orderName ?? r.orderId ?? "—"}</IndexTable.Cell>
          <IndexTable.Cell>{r.channel === "FLOW" ? "Flow trigger" : "Email"}</IndexTable.Cell>
          <IndexTable.Cell>
            <Badge tone={TONE[r.status]}>{r.status}</Badge>{" "}
            <Text as="span" tone="subdued" variant="bodySm">
              {r.detail ?? ""}
            </Text>
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
