import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Badge, BlockStack, Layout, Page } from "@shopify/polaris";
import { useState } from "react";
import { CatalogueCard, QuoteStatusBanner } from "../components/carriers/catalogue-card";
import { carrierFormValues } from "../components/carriers/carrier-form-values";
import { ConfirmDeleteModal } from "../components/confirm-delete-modal";
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
  if ("deleted" in result) return redirect("/app/carriers");
  return json(result, { status: statusOf(result) });
};

export default function CarrierServiceEdit() {
  const { service, values, warehouses, rateCard, cannotQuote, catalogue } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting";
  const submit = useSubmit();
  const [confirming, setConfirming] = useState(false);
  useActionToast(data);
  const form = useFormState(carrierFormValues(values), data);
  return (
    <Page
      title={values.name}
      titleMetadata={values.enabled ? <Badge tone="success">Enabled</Badge> : <Badge>Disabled</Badge>}
      subtitle={`${service.carrier} · ${service.code} · ${service.mode}`}
      backAction={{ content: "Carriers & services", url: "/app/carriers" }}
      secondaryActions={[
        ...(service.mode === "FREIGHT"
          ? []
          : [{ content: "Surcharge areas", url: `/app/carriers/${service.id}/surcharge-areas` }]),
        { content: "Zone charts", url: `/app/carriers/${service.id}/zone-charts` },
        {
          content: values.enabled ? "Disable" : "Enable",
          onAction: () => submit({ intent: values.enabled ? "disable" : "enable" }, { method: "post" }),
        },
        { content: "Delete", destructive: true, onAction: () => setConfirming(true) },
      ]}
    >
      <ConfirmDeleteModal
        open={confirming}
        onClose={() => setConfirming(false)}
        title={`Delete ${values.name}?`}
        body="Its rate cards and warehouse links are deleted too. Orders already routed with it keep its name and code in their decisions. To stop quoting it but keep it, disable it instead."
        deleting={saving && navigation.formData?.get("intent") === "delete"}
      />
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
          <BlockStack gap="400">
            <QuoteStatusBanner reason={cannotQuote} />
            <RateCardPanel service={service} serviceName={values.name} rateCard={rateCard} />
            <CatalogueCard catalogue={catalogue} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
