import { Badge, IndexTable, Link, Text } from "@shopify/polaris";
import { formatMoney } from "../../format";
import { STATUS_TONE } from "../decision-status";

type DecisionRow = {
  id: string;
  orderId: string;
  orderName: string | null;
  status: string;
  warehouses: string[];
  mode: string | null;
  service: string | null;
  error: string | null;
  costCents: number | null;
  promisedMaxDate: string | null;
  createdAt: string;
};

/** The decision log: one row per routing decision, warehouses by the merchant's names. */
export function DecisionTable({
  decisions,
  warehouseName,
}: {
  decisions: DecisionRow[];
  warehouseName: Map<string, string>;
}) {
  return (
    <IndexTable
      resourceName={{ singular: "decision", plural: "decisions" }}
      itemCount={decisions.length}
      selectable={false}
      headings={[
        { title: "Order" },
        { title: "Status" },
        { title: "Warehouses" },
        { title: "Mode" },
        { title: "Service" },
        { title: "Cost" },
        { title: "Promised by" },
        { title: "Decided" },
      ]}
    >
      {decisions.map((d, index) => (
        <IndexTable.Row id={d.id} key={d.id} position={index}>
          <IndexTable.Cell>
            <Link url={`/app/orders/${d.id}`} removeUnderline>
              <Text as="span" fontWeight="semibold">
                {d.orderName ?? d.orderId}
              </Text>
            </Link>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Badge tone={STATUS_TONE[d.status]}>{d.status}</Badge>
          </IndexTable.Cell>
          <IndexTable.Cell>
            {d.warehouses.map((key) => warehouseName.get(key) ?? key).join(" + ") || "—"}
          </IndexTable.Cell>
          <IndexTable.Cell>{d.mode ?? "—"}</IndexTable.Cell>
          <IndexTable.Cell>{d.service ?? d.error ?? "—"}</IndexTable.Cell>
          <IndexTable.Cell>{formatMoney(d.costCents)}</IndexTable.Cell>
          <IndexTable.Cell>{d.promisedMaxDate ?? "—"}</IndexTable.Cell>
          <IndexTable.Cell>{d.createdAt.slice(0, 16).replace("T", " ")}</IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
