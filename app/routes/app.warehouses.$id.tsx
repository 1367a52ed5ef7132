import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { BlockStack, Layout, Page } from "@shopify/polaris";
import { useMemo } from "react";
import { ErrorsBanner } from "../components/errors-banner";
import { useFormState } from "../components/form-kit";
import { SaveButton } from "../components/save-button";
import { useActionToast } from "../components/use-action-toast";
import {
  WarehouseAddressCard,
  WarehouseLocationCard,
  WarehouseModesCard,
} from "../components/warehouses/warehouse-cards";
import { TrackingUploadCard } from "../components/warehouses/tracking-upload-card";
import {
  handoffResult,
  WarehouseHandoffCard,
  WarehousePickListCard,
} from "../components/warehouses/warehouse-handoff-card";
import { warehouseFormFields } from "../components/warehouses/warehouse-form-values";
import { adminContext } from "../services/admin/admin-context.server";
import { statusOf } from "../services/admin/form-data";
import { shopifyLocations } from "../services/admin/shopify-locations.server";
import { warehouseHandoffAction, warehouseHandoffStatus } from "../services/admin/warehouse-handoff.server";
import { saveWarehouse, warehouseEditValues } from "../services/admin/warehouses.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { db, shop, graphql } = await adminContext(request);
  const values = await warehouseEditValues(db, shop, params.id ?? "");
  if (!values) throw new Response("Warehouse not found", { status: 404 });
  const created = new URL(request.url).searchParams.has("created");
  const handoff = await warehouseHandoffStatus(db, shop, params.id ?? "");
  return { isNew: params.id === "new", created, values, handoff, ...(await shopifyLocations(graphql)) };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const form = await request.formData();
  if (form.get("intent") === "handoff") {
    const handoff = await warehouseHandoffAction(db, shop, params.id ?? "", form);
    if (!handoff) throw new Response("Warehouse not found", { status: 404 });
    return json(handoff, { status: statusOf(handoff) });
  }
  const result = await saveWarehouse(db, shop, params.id ?? "", form);
  if (!result) throw new Response("Warehouse not found", { status: 404 });
  if (result.ok && params.id === "new") return redirect(`/app/warehouses/${result.value!.id}?created=1`);
  return json(result, { status: statusOf(result) });
};

export default function WarehouseEdit() {
  const { isNew, created, values, handoff, locations, error } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const warehouseId = useParams().id ?? "";
  const saving = navigation.state === "submitting";
  const handoffSaving = saving && navigation.formData?.get("intent") === "handoff";
  const createdToast = useMemo(
    () => (created ? { ok: true, message: "Warehouse created" } : null),
    [created],
  );
  useActionToast(data ?? createdToast);
  const form = useFormState(warehouseFormFields(values), data);
  return (
    <Page
      title={isNew ? "Add warehouse" : values.name}
      backAction={{ content: "Warehouses", url: "/app/warehouses" }}
    >
      <Layout>
        <Layout.Section>
          <Form method="post">
            <Layout>
              <Layout.Section>
                <BlockStack gap="400">
                  <ErrorsBanner data={data} />
                  <WarehouseAddressCard form={form} />
                  <WarehouseModesCard form={form} />
                </BlockStack>
              </Layout.Section>
              <Layout.Section variant="oneThird">
                <WarehouseLocationCard form={form} locations={locations} error={error} />
              </Layout.Section>
              <Layout.Section>
                <SaveButton saving={saving && !handoffSaving} />
              </Layout.Section>
            </Layout>
          </Form>
        </Layout.Section>
        {handoff && !isNew ? (
          <Layout.Section>
            <WarehouseHandoffCard status={handoff} result={handoffResult(data)} saving={handoffSaving} />
          </Layout.Section>
        ) : null}
        {handoff?.enabled && !isNew ? (
          <Layout.Section>
            <BlockStack gap="400">
              <WarehousePickListCard
                warehouseId={warehouseId}
                warehouseKey={handoff.key}
                today={handoff.today}
              />
              <TrackingUploadCard warehouseId={warehouseId} />
            </BlockStack>
          </Layout.Section>
        ) : null}
      </Layout>
    </Page>
  );
}
