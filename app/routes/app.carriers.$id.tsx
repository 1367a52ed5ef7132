import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, BlockStack, Layout, Page } from "@shopify/polaris";
import { carrierFormValues } from "../components/carriers/carrier-form-values";
import { RateCardPanel } from "../components/carriers/rate-card-panel";
import {
  ServiceBasicsCard,
  ServiceCalendarCard,
  ServiceLimitsCard,
  ServiceMarkupCard,
  ServiceWarehousesCard,
} from "../components/carriers/service-settings-cards";
import { ErrorsBanner } from "../components/errors-banner";
import { useFormState } from "../components/form-kit";
import { SaveButton } from "../components/save-button";
import { useActionToast } from "../components/use-action-toast";
import { adminContext } from "../services/admin/admin-context.server";
import { carrierServiceAction, carrierServiceDetail } from "../services/admin/carriers.server";
import { statusOf } from "../services/admin/form-data";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const detail = await carrierServiceDetail(db, shop, params.id ?? "");
  if (!detail) throw new Response("Service not found", { status: 404 });
  return detail;
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const result = await carrierServiceAction(db, shop, params.id ?? "", await request.formData());
  if (!result) throw new Response("Service not found", { status: 404 });
  return json(result, { status: statusOf(result) });
};

export default function CarrierServiceEdit() {
  const { service, values, warehouses, rateCard } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  useActionToast(data);
  const form = useFormState(carrierFormValues(values), data);
  return (
    <Page
      title={values.name}
      titleMetadata={values.enabled ? <Badge tone="success">Enabled</Badge> : <Badge>Disabled</Badge>}
      subtitle={`${service.carrier} · ${service.code} · ${service.mode}`}
      backAction={{ content: "Carriers & services", url: "/app/carriers" }}
    >
      <Layout>
        <Layout.Section>
          <Form method="post">
            <input type="hidden" name="intent" value="save" />
            <BlockStack gap="400">
              <ErrorsBanner data={data} />
              <ServiceBasicsCard form={form} />
              <ServiceWarehousesCard form={form} mode={service.mode} warehouses={warehouses} />
              <ServiceLimitsCard form={form} />
              <ServiceMarkupCard form={form} />
              <ServiceCalendarCard form={form} />
              <SaveButton saving={saving} />
            </BlockStack>
          </Form>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <RateCardPanel service={service} serviceName={values.name} rateCard={rateCard} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
