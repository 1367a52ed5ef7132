import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  DataTable,
  Layout,
  List,
  Page,
  Text,
} from "@shopify/polaris";
import { ErrorsBanner } from "../components/errors-banner";
import { useActionToast } from "../components/use-action-toast";
import { adminContext } from "../services/admin/admin-context.server";
import { decisionDetail, rerouteDecision } from "../services/admin/orders.server";
import { STATUS_TONE } from "../components/decision-status";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const detail = await decisionDetail(db, shop, params.id ?? "");
  if (!detail) throw new Response("Decision not found", { status: 404 });
  return detail;
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const result = await rerouteDecision(db, shop, params.id ?? "");
  if (!result) throw new Response("Decision not found", { status: 404 });
  return json(result, { status: result.ok ? 200 : 409 });
};

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** "USPS Priority Mail", not "USPS USPS Priority Mail": most service names already start with their carrier. */
const carrierService = (carrier: string | null, service: string | null) =>
  !carrier || service?.toLowerCase().startsWith(carrier.toLowerCase())
    ? (service ?? carrier ?? "—")
    : `${carrier} ${service ?? ""}`.trim();

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
                    ? `${d.mode} · ${carrierService(d.carrier, d.service)} · carrier cost ${d.costCents === null ? "—" : dollars(d.costCents)} · promised ${d.promisedMinDate} – ${d.promisedMaxDate}`
                    : "No plan"}
                </Text>
                {d.shipments.length > 0 ? (
                  <DataTable
                    columnContentTypes={["text", "text", "numeric", "numeric", "numeric", "text"]}
                    headings={["From", "Service", "Zone", "Packages", "Base", "Surcharges"]}
                    rows={d.shipments.map((s) => [
                      s.warehouse,
                      carrierService(s.carrier, s.service),
                      s.zone,
                      s.packages,
                      dollars(s.baseCents),
                      s.surcharges.join(", ") || "—",
                    ])}
                  />
                ) : null}
              </BlockStack>
            </Card>
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
            {d.rerouteAllowed ? (
              <Card>
                <Form method="post">
                  <BlockStack gap="200">
                    <Text as="p">
                      {d.status === "PENDING"
                        ? "Apply the pending actions now."
                        : "Decide this order again, without warehouses that refused it."}
                    </Text>
                    <Button submit variant="primary" loading={busy}>
                      Re-route
                    </Button>
                  </BlockStack>
                </Form>
              </Card>
            ) : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
