import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, Card, Page } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { AddFromCatalogueModal } from "../components/carriers/add-from-catalogue-modal";
import { ServiceListTable } from "../components/carriers/service-list-table";
import { adminContext } from "../services/admin/admin-context.server";
import { carriersAction, carriersPage } from "../services/admin/carriers.server";
import { statusOf } from "../services/admin/form-data";
import { EmptyNote } from "../components/empty-note";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  return carriersPage(db, shop);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const result = await carriersAction(db, shop, await request.formData());
  if (result.ok && result.value) return redirect(`/app/carriers/${result.value.id}`);
  return json(result, { status: statusOf(result) });
};

export default function Carriers() {
  const { services, catalogue } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const [adding, setAdding] = useState(false);
  // A refused add (a code already used) reopens the picker with the error under its field.
  useEffect(() => {
    if (data && !data.ok) setAdding(true);
  }, [data]);
  const waiting = services.filter((s) => s.cannotQuote && s.enabled);
  return (
    <Page
      title="Carriers & services"
      subtitle="Which services each warehouse ships with, their limits, surcharges and rate cards"
      primaryAction={{ content: "Add from catalogue", onAction: () => setAdding(true) }}
    >
      {waiting.length > 0 ? (
        <div style={{ marginBottom: "1rem" }}>
          <Banner tone="warning" title={`${waiting.length} service(s) cannot quote yet`}>
            <p>
              Tailroute has no carrier prices of its own: a service quotes with your rate card (upload a CSV
              on its page). Connecting a carrier account will be another way, later.
            </p>
          </Banner>
        </div>
      ) : null}
      <Card padding="0">
        {services.length === 0 ? (
          <EmptyNote
            heading="No carrier services yet"
            action={{ content: "Add from catalogue", onAction: () => setAdding(true) }}
          >
            <p>
              Add UPS, FedEx, USPS, Amazon, a regional carrier or LTL freight from the built-in catalogue.
            </p>
          </EmptyNote>
        ) : (
          <ServiceListTable services={services} />
        )}
      </Card>
      <AddFromCatalogueModal
        open={adding}
        onClose={() => setAdding(false)}
        catalogue={catalogue}
        actionData={data}
        saving={saving}
      />
    </Page>
  );
}
