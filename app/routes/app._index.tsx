import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Card, Layout, Page, Text } from "@shopify/polaris";
import db from "../db.server";
import { shopConfigSummary } from "../services/shop-summary.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return shopConfigSummary(db, session.shop);
};

export default function Home() {
  const summary = useLoaderData<typeof loader>();
  return (
    <Page title="Tailroute">
      <Layout>
        {summary.carrierService.error ? (
          <Layout.Section>
            <Banner tone="critical" title="Shopify did not accept Tailroute's carrier-calculated rates">
              <p>{summary.carrierService.error}</p>
              <p>
                Carrier-calculated shipping needs the Advanced plan or higher, the carrier-calculated shipping
                add-on, or a development store. Reopen the app after changing the plan to try again.
              </p>
            </Banner>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Your delivery network
              </Text>
              <Text as="p">
                Checkout rates: {summary.carrierService.registered ? "active" : "not registered yet"}
              </Text>
              <Text as="p">
                {summary.warehouses} warehouses · {summary.carrierServices} carrier services ·{" "}
                {summary.rateCards} rate cards · {summary.productProfiles} product profiles
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
