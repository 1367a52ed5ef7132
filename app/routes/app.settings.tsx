import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Card, Layout, Page } from "@shopify/polaris";
import { ConfigFileCard } from "../components/settings/config-file-card";
import { ResidentialForm } from "../components/settings/residential-form";
import { UnitsForm } from "../components/settings/units-form";
import { useActionToast } from "../components/use-action-toast";
import { adminContext } from "../services/admin/admin-context.server";
import { statusOf } from "../services/admin/form-data";
import { settingsAction, shopResidentialDefault, shopUnits } from "../services/admin/settings.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  return {
    shop,
    units: await shopUnits(db, shop),
    residentialDefault: await shopResidentialDefault(db, shop),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const result = await settingsAction(db, shop, await request.formData());
  return json(result, { status: statusOf(result) });
};

export default function Settings() {
  const { shop, units, residentialDefault } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  useActionToast(data);
  return (
    <Page title="Settings">
      <Layout>
        <Layout.AnnotatedSection
          title="Units"
          description="How the admin shows and accepts weights and sizes. Stored values and CSV files stay in ounces and inches."
        >
          <Card>
            <UnitsForm units={units} data={data} saving={saving} />
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          title="Residential or commercial"
          description="Carriers charge a residential surcharge. When the checkout does not say which an address is, Tailroute guesses from the company name, or treats every address as residential or as commercial."
        >
          <Card>
            <ResidentialForm residentialDefault={residentialDefault} data={data} saving={saving} />
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          title="Configuration file"
          description="The whole configuration as JSON: warehouses and services (inactive ones too), rate cards, cartons, products, strategy, markups, units and pickup networks. The same file that npx tailroute quote --config reads."
        >
          <ConfigFileCard shop={shop} />
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
