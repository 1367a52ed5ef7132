import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Layout, Page } from "@shopify/polaris";
import { ZoneChartImportCard, ZoneChartsTable } from "../components/carriers/zone-charts-card";
import { adminContext } from "../services/admin/admin-context.server";
import { statusOf } from "../services/admin/form-data";
import { zoneChartsAction, zoneChartsPage } from "../services/admin/zone-charts.server";

// A carrier service's zone charts per warehouse (docs/engine.md "Zone charts", docs/admin.md).

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const page = await zoneChartsPage(db, shop, params.id ?? "");
  if (!page) throw new Response("Service not found", { status: 404 });
  return page;
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const result = await zoneChartsAction(db, shop, params.id ?? "", await request.formData());
  if (!result) throw new Response("Service not found", { status: 404 });
  return json(result, { status: statusOf(result) });
};

export default function ZoneCharts() {
  const { service, warehouses } = useLoaderData<typeof loader>();
  return (
    <Page
      title={`Zone charts — ${service.name}`}
      subtitle="The carrier's own zones per origin; without a chart, zones are estimated from distance"
      backAction={{ content: service.name, url: `/app/carriers/${service.id}` }}
    >
      <Layout>
        <Layout.Section>
          <ZoneChartsTable warehouses={warehouses} />
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <ZoneChartImportCard warehouses={warehouses} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
