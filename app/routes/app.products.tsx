import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Layout, Page } from "@shopify/polaris";
import { useFormState } from "../components/form-kit";
import { ProductProfileTable } from "../components/product-profile-table";
import { ProductCsvImportCard } from "../components/products/product-csv-import-card";
import { ProductDimensionsForm } from "../components/products/product-dimensions-form";
import { draftFor, EMPTY_DRAFT } from "../components/products/product-draft";
import { useActionToast } from "../components/use-action-toast";
import { adminContext } from "../services/admin/admin-context.server";
import { statusOf } from "../services/admin/form-data";
import { productsAction, productsPage } from "../services/admin/products.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop, graphql } = await adminContext(request);
  return productsPage(db, shop, graphql);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const result = await productsAction(db, shop, await request.formData());
  return json(result, { status: statusOf(result) });
};

export default function Products() {
  const { units, variants, variantsError, variantChoices, profiles } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const remover = useFetcher<typeof action>();
  const saving = useNavigation().state === "submitting";
  useActionToast(data);
  useActionToast(remover.data);
  const form = useFormState(EMPTY_DRAFT, data);
  const pick = (variantId: string) => form.replace(draftFor(variantId, profiles, variants));
  return (
    <Page
      title="Products"
      subtitle="Package dimensions and handling flags per variant (Shopify does not send dimensions to carrier rates)"
    >
      <Layout>
        <Layout.Section>
          <ProductProfileTable
            profiles={profiles}
            units={units}
            onEdit={pick}
            onRemove={(variantId) => remover.submit({ intent: "delete", variantId }, { method: "post" })}
          />
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <ProductDimensionsForm
              form={form}
              data={data}
              units={units}
              variantChoices={variantChoices}
              variantsError={variantsError}
              onPick={pick}
              saving={saving}
            />
            <ProductCsvImportCard />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
