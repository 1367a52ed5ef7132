import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Layout, Page } from "@shopify/polaris";
import { ErrorsBanner } from "../components/errors-banner";
import { useFormState } from "../components/form-kit";
import {
  FallbackRatesCard,
  FreightThresholdsCard,
  RemoteAreaCard,
  ShopMarkupCard,
  StrategyCard,
} from "../components/routing/routing-cards";
import { routingFormValues } from "../components/routing/routing-form-values";
import { SaveButton } from "../components/save-button";
import { useActionToast } from "../components/use-action-toast";
import { adminContext } from "../services/admin/admin-context.server";
import { statusOf } from "../services/admin/form-data";
import { routingValues, saveRouting } from "../services/admin/routing.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const values = await routingValues(db, shop);
  if (!values) throw new Response("Shop not installed", { status: 404 });
  return values;
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const result = await saveRouting(db, shop, await request.formData());
  return json(result, { status: statusOf(result) });
};

export default function Routing() {
  const values = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  useActionToast(data);
  const form = useFormState(routingFormValues(values), data);
  return (
    <Page
      title="Routing"
      subtitle="How Tailroute chooses the warehouse, the carrier and the price the buyer sees"
    >
      <Form method="post">
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              <ErrorsBanner data={data} />
              <StrategyCard form={form} />
              <FreightThresholdsCard form={form} weightUnit={values.weightUnit} />
              <ShopMarkupCard form={form} />
              <FallbackRatesCard form={form} />
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <RemoteAreaCard form={form} parcelServices={values.parcelServices} />
          </Layout.Section>
          <Layout.Section>
            <SaveButton saving={saving} />
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
