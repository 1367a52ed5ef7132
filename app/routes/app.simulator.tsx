import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, Card, FormLayout, Layout, Page, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { ErrorsBanner } from "../components/errors-banner";
import { fieldError } from "../components/form-errors";
import { SaveButton } from "../components/save-button";
import { SimulationResult } from "../components/simulation-result";
import { adminContext } from "../services/admin/admin-context.server";
import { listProductProfiles } from "../services/admin/products.server";
import { shopifyVariants } from "../services/admin/shopify-variants.server";
import { simulateRates } from "../services/admin/simulator.server";

async function catalogue(request: Request) {
  const context = await adminContext(request);
  const [shopify, profiles] = await Promise.all([
    shopifyVariants(context.graphql),
    listProductProfiles(context.db, context.shop),
  ]);
  const products = new Map<string, string>();
  for (const p of profiles) if (p.variantId) products.set(p.variantId, p.name);
  for (const v of shopify.variants) products.set(v.variantId, v.title);
  return { context, shopify, products: [...products].map(([variantId, title]) => ({ variantId, title })) };
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shopify, products } = await catalogue(request);
  return { products, variantsError: shopify.error };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { context, shopify } = await catalogue(request);
  const result = await simulateRates(context.db, context.shop, await request.formData(), shopify.variants);
  return json(result, { status: result.ok ? 200 : 422 });
};

export default function Simulator() {
  const { products, variantsError } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [zip, setZip] = useState("10001");
  const [state, setState] = useState("");
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    products[0] ? { [products[0].variantId]: "1" } : {},
  );
  return (
    <Page
      title="Rate simulator"
      subtitle="Exactly the rates checkout would show for this address and cart, and why"
    >
      <Layout>
        <Layout.Section variant="oneThird">
          <Card>
            <Form method="post">
              <FormLayout>
                <ErrorsBanner data={data} title="Cannot simulate" />
                {variantsError ? <Banner tone="warning">{variantsError}</Banner> : null}
                <FormLayout.Group condensed>
                  <TextField
                    label="ZIP code"
                    name="zip"
                    value={zip}
                    onChange={setZip}
                    autoComplete="off"
                    error={fieldError(data, "zip")}
                  />
                  <TextField
                    label="State (optional)"
                    name="state"
                    value={state}
                    onChange={setState}
                    autoComplete="off"
                    maxLength={2}
                    error={fieldError(data, "state")}
                  />
                </FormLayout.Group>
                <Text as="h3" variant="headingSm">
                  Cart
                </Text>
                {products.length === 0 ? (
                  <Text as="p" tone="subdued">
                    No products yet: add dimensions on the Products page.
                  </Text>
                ) : null}
                {products.map((p) => (
                  <TextField
                    key={p.variantId}
                    label={p.title}
                    name={`qty.${p.variantId}`}
                    type="number"
                    min={0}
                    value={quantities[p.variantId] ?? ""}
                    onChange={(value) => setQuantities((q) => ({ ...q, [p.variantId]: value }))}
                    autoComplete="off"
                    placeholder="0"
                  />
                ))}
                {fieldError(data, "lines") ? (
                  <Text as="p" tone="critical">
                    {fieldError(data, "lines")}
                  </Text>
                ) : null}
                <SaveButton saving={busy} label="Get rates" />
              </FormLayout>
            </Form>
          </Card>
        </Layout.Section>
        <Layout.Section>
          {data && data.ok ? (
            <SimulationResult result={data} />
          ) : (
            <Card>
              <Text as="p" tone="subdued">
                Enter a ZIP code and quantities, then “Get rates”.
              </Text>
            </Card>
          )}
        </Layout.Section>
      </Layout>
    </Page>
  );
}
