import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Card, EmptyState, Page } from "@shopify/polaris";
import { DecisionTable } from "../components/orders/decision-table";
import { OrderFiltersForm } from "../components/orders/order-filters-form";
import { adminContext } from "../services/admin/admin-context.server";
import { ordersPage } from "../services/admin/orders.server";
import { BulkLabelsForm } from "../components/orders/bulk-labels-form";
import { useActionToast } from "../components/use-action-toast";
import { bulkRequestLabels } from "../services/labels/order-labels-panel.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  return ordersPage(db, shop, new URL(request.url).searchParams);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const form = await request.formData();
  if (form.get("intent") !== "bulk-labels")
    return json({ ok: false, errors: { form: "unknown action" } }, 400);
  return json(await bulkRequestLabels(db, shop, form.getAll("decisionId").map(String)));
};

export default function Orders() {
  const { filters, filtered, warehouses, decisions } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  useActionToast(data);
  const busy = useNavigation().state === "submitting";
  const warehouseName = new Map(warehouses.map((w) => [w.value, w.label]));
  return (
    <Page title="Orders" subtitle="Every routing decision: where each order ships from, how, and why">
      <Card padding="0">
        <OrderFiltersForm filters={filters} warehouses={warehouses} />
        {decisions.length === 0 ? (
          <EmptyState
            heading={filtered ? "No decisions match these filters" : "No orders routed yet"}
            image=""
          >
            <p>Each new order is routed when Shopify sends its orders/create webhook.</p>
          </EmptyState>
        ) : (
          <>
            <BulkLabelsForm
              decisionIds={decisions.filter((d) => d.status === "APPLIED").map((d) => d.id)}
              busy={busy}
            />
            <DecisionTable decisions={decisions} warehouseName={warehouseName} />
          </>
        )}
      </Card>
    </Page>
  );
}
