import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Layout, Page } from "@shopify/polaris";
import { SurchargeAreaImportCard, SurchargeAreasTable } from "../components/carriers/surcharge-areas-card";
import { adminContext } from "../services/admin/admin-context.server";
import { statusOf } from "../services/admin/form-data";
import { importSurchargeAreas, surchargeAreasPage } from "../services/admin/surcharge-areas.server";

// A carrier service's delivery-area surcharge lists (docs/admin.md#surcharge-areas).

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const page = await surchargeAreasPage(db, shop, params.id ?? "");
  if (!page) throw new Response("Service not found", { status: 404 });
  return page;
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const result = await importSurchargeAreas(db, shop, params.id ?? "", await request.formData());
  if (!result) throw new Response("Service not found", { status: 404 });
  return json(result, { status: statusOf(result) });
};

export default function SurchargeAreas() {
  const { service, areas } = useLoaderData<typeof loader>();
  return (
    <Page
      title={`Surcharge areas — ${service.name}`}
      subtitle="ZIPs where the carrier adds a delivery-area, extended-area or remote-area surcharge"
      backAction={{ content: service.name, url: `/app/carriers/${service.id}` }}
    >
      <Layout>
        <Layout.Section>
          <SurchargeAreasTable areas={areas} />
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <SurchargeAreaImportCard />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
