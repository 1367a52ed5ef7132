import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page, Text } from "@shopify/polaris";
import { ProductCsvImportCard } from "../components/products/product-csv-import-card";
import { ProductTableCard } from "../components/products/product-table-card";
import { useActionToast } from "../components/use-action-toast";
import { adminContext } from "../services/admin/admin-context.server";
import { statusOf } from "../services/admin/form-data";
import { productsAction, productsPage } from "../services/admin/products.server";
import { unitLabel } from "../services/admin/units";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop, graphql } = await adminContext(request);
  return productsPage(db, shop, graphql, new URL(request.url));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop, graphql } = await adminContext(request);
  const result = await productsAction(db, shop, graphql, await request.formData());
  return json(result, { status: statusOf(result) });
};

export default function Products() {
  const { units, filters, table, readAt, syncError, defaultBox } = useLoaderData<typeof loader>();
  const reader = useFetcher<typeof action>();
  useActionToast(reader.data);
  const box = defaultBox
    ? `${defaultBox.length} × ${defaultBox.width} × ${defaultBox.height} ${unitLabel[units.dimensionUnit]}`
    : "the default box";
  return (
    <Page
      title="Products"
      subtitle="Package dimensions and handling flags per variant, kept here and in Shopify (variant metafields); Shopify does not send dimensions to carrier rates"
      primaryAction={{
        content: "Read from Shopify",
        loading: reader.state !== "idle",
        onAction: () => reader.submit({ intent: "sync" }, { method: "post" }),
      }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {syncError ? <Banner tone="warning">{syncError}</Banner> : null}
            {reader.data && "errors" in reader.data ? (
              <Banner tone="critical">{Object.values(reader.data.errors).join("; ")}</Banner>
            ) : null}
            <Banner tone={table.missing > 0 ? "warning" : "success"}>
              <Text as="p">
                {table.missing > 0
                  ? `${table.missing} of ${table.variants} variants have no dimensions: checkout rates them as ${box}.`
                  : `Every one of the ${table.variants} variants has dimensions.`}
                {readAt ? ` Catalogue read from Shopify ${new Date(readAt).toLocaleString("en-US")}.` : ""}
              </Text>
            </Banner>
            <ProductTableCard table={table} filters={filters} units={units} />
            <ProductCsvImportCard />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
