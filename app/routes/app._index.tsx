import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Text,
} from "@shopify/polaris";
import { ChartCard } from "../components/chart-card";
import { adminContext } from "../services/admin-context.server";
import { keyFigures, setupChecklist } from "../services/admin/home.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop, demo } = await adminContext(request);
  const [checklist, figures] = await Promise.all([setupChecklist(db, shop, { demo }), keyFigures(db, shop)]);
  return { shop, checklist, figures };
};

const CHECKLIST_LABELS = {
  carrierService: "Carrier service registered and active",
  warehouses: "Warehouses linked to Shopify locations",
  services: "Services enabled with rate cards",
  products: "Products with dimensions",
  testQuote: "Test quote passed",
} as const;

export default function Home() {
  const { checklist, figures } = useLoaderData<typeof loader>();
  const done = checklist.filter((item) => item.done).length;
  return (
    <Page title="Tailroute">
      <Layout>
        <Layout.Section>
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
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            <ChartCard
              title="Orders routed by warehouse and mode"
              data={figures.ordersByWarehouse}
              summary={`${figures.orders} routed orders`}
              empty="No orders routed yet. Routed orders appear here by warehouse and delivery mode."
            />
            <ChartCard
              title="Average shipping cost per order ($)"
              data={
                figures.averageCostByMode.length
                  ? [{ name: "Average cost", data: figures.averageCostByMode }]
                  : []
              }
              empty="No shipping costs yet: they come from routed orders."
            />
            <ChartCard
              title="On-time rate per service (%)"
              data={
                figures.onTimeByService.length
                  ? [
                      {
                        name: "On time %",
                        data: figures.onTimeByService.map(({ key, value }) => ({ key, value })),
                      },
                    ]
                  : []
              }
              empty="No deliveries tracked yet. On-time rates appear once shipments are delivered."
            />
            <ChartCard
              title="Locker pickup rate (%)"
              data={
                figures.pickupByNetwork.length
                  ? [
                      {
                        name: "Picked up %",
                        data: figures.pickupByNetwork.map(({ key, value }) => ({ key, value })),
                      },
                    ]
                  : []
              }
              empty="No parcels held at pickup points yet."
            />
          </InlineGrid>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
