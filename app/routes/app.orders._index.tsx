import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useSubmit } from "@remix-run/react";
import { Badge, Card, EmptyState, IndexTable, InlineStack, Link, Page, Select, Text } from "@shopify/polaris";
import { STATUS_TONE } from "../components/decision-status";
import { OrderFilters } from "../contracts/admin-forms";
import { adminContext } from "../services/admin/admin-context.server";
import { listDecisions } from "../services/admin/orders.server";
import { listWarehouses } from "../services/admin/warehouses.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const params = new URL(request.url).searchParams;
  const filters = OrderFilters.parse({
    status: params.get("status") || undefined,
    warehouse: params.get("warehouse") || undefined,
    mode: params.get("mode") || undefined,
  });
  const [decisions, warehouses] = await Promise.all([
    listDecisions(db, shop, filters),
    listWarehouses(db, shop),
  ]);
  return {
    filters,
    warehouses: warehouses.map((w) => ({ label: w.name, value: w.key })),
    decisions: decisions.map((d) => ({
      ...d,
      createdAt: d.createdAt.toISOString(),
      promisedMaxDate: d.promisedMaxDate?.toISOString().slice(0, 10) ?? null,
    })),
  };
};

export default function Orders() {
  const { filters, warehouses, decisions } = useLoaderData<typeof loader>();
  const warehouseName = new Map(warehouses.map((w) => [w.value, w.label]));
  const submit = useSubmit();
  const any = { label: "Any", value: "" };
  return (
    <Page title="Orders" subtitle="Every routing decision: where each order ships from, how, and why">
      <Card padding="0">
        <div style={{ padding: 12 }}>
          <Form method="get" onChange={(event) => submit(event.currentTarget)}>
            <InlineStack gap="300">
              <Select
                label="Status"
                name="status"
                value={filters.status ?? ""}
                options={[
                  any,
                  ...["PENDING", "APPLIED", "NEEDS_INPUT", "FAILED", "UNROUTABLE"].map((s) => ({
                    label: s,
                    value: s,
                  })),
                ]}
              />
              <Select
                label="Warehouse"
                name="warehouse"
                value={filters.warehouse ?? ""}
                options={[any, ...warehouses]}
              />
              <Select
                label="Mode"
                name="mode"
                value={filters.mode ?? ""}
                options={[
                  any,
                  ...["EXPRESS_PARCEL", "POSTAL", "FREIGHT"].map((m) => ({ label: m, value: m })),
                ]}
              />
            </InlineStack>
          </Form>
        </div>
        {decisions.length === 0 ? (
          <EmptyState
            heading={
              filters.status || filters.mode || filters.warehouse
                ? "No decisions match these filters"
                : "No orders routed yet"
            }
            image=""
          >
            <p>Each new order is routed when Shopify sends its orders/create webhook.</p>
          </EmptyState>
        ) : (
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
                <IndexTable.Cell>
                  {d.costCents === null ? "—" : `$${(d.costCents / 100).toFixed(2)}`}
                </IndexTable.Cell>
                <IndexTable.Cell>{d.promisedMaxDate ?? "—"}</IndexTable.Cell>
                <IndexTable.Cell>{d.createdAt.slice(0, 16).replace("T", " ")}</IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
      </Card>
    </Page>
  );
}
