import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Card, DataTable, Layout, List, Page, Text } from "@shopify/polaris";
import { ErrorsBanner } from "../components/errors-banner";
import { useActionToast } from "../components/use-action-toast";
import { adminContext } from "../services/admin/admin-context.server";
import { decisionDetail, rerouteDecision } from "../services/admin/orders.server";
import { STATUS_TONE } from "../components/decision-status";
import { RerouteCard } from "../components/orders/reroute-card";
import { DecisionHistoryCard } from "../components/orders/decision-history-card";
import { decisionHistory } from "../services/order-routing/order-changes/decision-history.server";
import { formatMoney, serviceLabel } from "../format";
import { OrderAppointmentCard } from "../components/appointments/order-appointment-card";
import { orderAppointment } from "../services/appointments/order-appointment.server";
import { LabelsCard } from "../components/orders/labels-card";
import { AddressCheckCard } from "../components/orders/address-check-card";
import { orderLabelsAction, orderLabelsPanel } from "../services/labels/order-labels-panel.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const detail = await decisionDetail(db, shop, params.id ?? "");
  if (!detail) throw new Response("Decision not found", { status: 404 });
  return {
    ...detail,
    history: await decisionHistory(db, shop, detail.id),
    appointment: await orderAppointment(db, shop, detail.orderId),
    carrierLabels: await orderLabelsPanel(db, shop, detail.id, detail.orderId),
  };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const form = await request.clone().formData();
  const labels = await orderLabelsAction(db, shop, params.id ?? "", form);
  if (labels === null) throw new Response("Not found", { status: 404 });
  if (labels !== undefined) return json(labels, { status: labels.ok ? 200 : 422 });
  const result = await rerouteDecision(db, shop, params.id ?? "");
  if (!result) throw new Response("Decision not found", { status: 404 });
  return json(result, { status: result.ok ? 200 : 409 });
};

const serviceName = (carrier: string | null, service: string | null) => serviceLabel(carrier, service) || "—";

export default function OrderDecision() {
  const d = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  useActionToast(data);
  return (
    <Page
      title={d.orderName ?? d.orderId}
      titleMetadata={<Badge tone={STATUS_TONE[d.status]}>{d.status}</Badge>}
      subtitle={`Decided ${d.createdAt.slice(0, 16).replace("T", " ")} UTC`}
      backAction={{ content: "Orders", url: "/app/orders" }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <ErrorsBanner data={data} title="Could not re-route" />
            {d.error ? (
              <Banner tone="critical" title="Why this order is not routed">
                {d.error}
              </Banner>
            ) : null}
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Plan
                </Text>
                <Text as="p">
                  {d.service
                    ? `${d.mode} · ${serviceName(d.carrier, d.service)} · carrier cost ${formatMoney(d.costCents)} · promised ${d.promisedMinDate} – ${d.promisedMaxDate}`
                    : "No plan"}
                </Text>
                {d.shipments.length > 0 ? (
                  <DataTable
                    columnContentTypes={["text", "text", "numeric", "numeric", "numeric", "text"]}
                    headings={["From", "Service", "Zone", "Packages", "Base", "Surcharges"]}
                    rows={d.shipments.map((s) => [
                      s.warehouse,
                      serviceName(s.carrier, s.service),
                      s.zone,
                      s.packages,
                      formatMoney(s.baseCents),
                      s.surcharges.join(", ") || "—",
                    ])}
                  />
                ) : null}
              </BlockStack>
            </Card>
            <DecisionHistoryCard history={d.history} currentId={d.id} />
            {d.shippingAddress ? (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">
                    {d.shippingAddress.to === "PICKUP"
                      ? `Shipping address: ${d.shippingAddress.pointLabel ?? "pickup point"}`
                      : "Shipping address: back to the buyer's"}
                  </Text>
                  <Text as="p">{`Buyer's original address: ${d.shippingAddress.original ?? "not read yet"}`}</Text>
                  <Text as="p">
                    {d.shippingAddress.written
                      ? `Written to the order: ${d.shippingAddress.written}`
                      : `Not written yet (${d.shippingAddress.status.toLowerCase()})`}
                  </Text>
                  {d.shippingAddress.error ? (
                    <Banner tone="critical" title="Shopify did not take the address">
                      {d.shippingAddress.error}
                    </Banner>
                  ) : null}
                  {d.shippingAddress.stale.length > 0 ? (
                    <Banner tone="warning" title="A fulfillment order kept the old destination">
                      <List>
                        {d.shippingAddress.stale.map((s) => (
                          <List.Item key={s.fulfillmentOrderId}>
                            {`${s.fulfillmentOrderId} (${s.requestStatus.toLowerCase()}) still ships to ${s.destination}. ${s.advice}`}
                          </List.Item>
                        ))}
                      </List>
                    </Banner>
                  ) : d.shippingAddress.checked !== null ? (
                    <Text as="p" tone="subdued">
                      {`Fulfillment orders checked: ${d.shippingAddress.checked}, each ships to the new address.`}
                    </Text>
                  ) : null}
                </BlockStack>
              </Card>
            ) : null}
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Reasons
                </Text>
                {d.reasons.length ? (
                  <List>
                    {d.reasons.map((r, i) => (
                      <List.Item key={i}>{r}</List.Item>
                    ))}
                  </List>
                ) : (
                  <Text as="p" tone="subdued">
                    No reasons recorded.
                  </Text>
                )}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            {d.appointment ? <OrderAppointmentCard appointment={d.appointment} /> : null}
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Actions in Shopify
                </Text>
                {d.actions.length ? (
                  <List>
                    {d.actions.map((a) => (
                      <List.Item key={a.key}>{`Round ${a.round}: ${a.line}`}</List.Item>
                    ))}
                  </List>
                ) : (
                  <Text as="p" tone="subdued">
                    None.
                  </Text>
                )}
              </BlockStack>
            </Card>
            {d.carrierLabels.addressCheck ? (
              <AddressCheckCard
                check={d.carrierLabels.addressCheck}
                busy={busy}
                {...(data && !data.ok && "errors" in data
                  ? { errors: data.errors as Record<string, string> }
                  : {})}
              />
            ) : null}
            {d.carrierLabels.connected ? (
              <LabelsCard
                labels={d.carrierLabels.labels}
                busy={busy}
                canBuy={d.status === "APPLIED" || d.status === "PENDING"}
              />
            ) : null}
            {d.rerouteAllowed ? <RerouteCard status={d.status} busy={busy} /> : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
