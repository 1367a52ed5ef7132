import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Card, Layout, Page, Text } from "@shopify/polaris";
import { SimulationResult } from "../components/simulation-result";
import { SimulatorForm } from "../components/simulator/simulator-form";
import { adminContext } from "../services/admin/admin-context.server";
import { simulateFromForm, simulatorPage } from "../services/admin/simulator.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  return simulatorPage(db, shop);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop, graphql } = await adminContext(request);
  const result = await simulateFromForm(db, shop, graphql, await request.formData());
  return json(result, { status: result.ok ? 200 : 422 });
};

export default function Simulator() {
  const { products } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <Page
      title="Rate simulator"
      subtitle="Exactly the rates checkout would show for this address and cart, and why"
    >
      <Layout>
        <Layout.Section variant="oneThird">
          <SimulatorForm suggested={products} data={data} busy={busy} />
        </Layout.Section>
        <Layout.Section>
          {data && data.ok ? (
            <SimulationResult result={data} />
          ) : (
            <Card>
              <Text as="p" tone="subdued">
                Enter a ZIP code, add products to the cart, then “Get rates”.
              </Text>
            </Card>
          )}
        </Layout.Section>
      </Layout>
    </Page>
  );
}
