import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Card, Layout, Page } from "@shopify/polaris";
import { AccountList } from "../components/carrier-accounts/account-list";
import { AddAccountForm } from "../components/carrier-accounts/add-account-form";
import { LiveSettingsForm } from "../components/carrier-accounts/live-settings-form";
import { MappingForm } from "../components/carrier-accounts/mapping-form";
import { ErrorsBanner } from "../components/errors-banner";
import { useActionToast } from "../components/use-action-toast";
import { adminContext } from "../services/admin/admin-context.server";
import { statusOf } from "../services/admin/form-data";
import {
  carrierAccountsAction,
  carrierAccountsPage,
} from "../services/carrier-accounts/account-store.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  return carrierAccountsPage(db, shop);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const result = await carrierAccountsAction(db, shop, await request.formData());
  if (!result) throw new Response("Carrier account not found", { status: 404 });
  return json(result, { status: statusOf(result) });
};

export default function CarrierAccounts() {
  const page = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  useActionToast(data);
  return (
    <Page
      title="Carrier accounts"
      subtitle="Your own EasyPost or Shippo account prices the services you map, live at checkout"
    >
      <Layout>
        <Layout.Section>
          <ErrorsBanner data={data} title="That did not work" />
        </Layout.Section>
        <Layout.AnnotatedSection
          title="Connected accounts"
          description="Test the connection to list the carrier accounts a key exposes."
        >
          <Card>
            <AccountList accounts={page.accounts} busy={saving} />
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          title="Connect an account"
          description="EasyPost or Shippo, with its API key."
        >
          <Card>
            <AddAccountForm data={data} saving={saving} />
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          title="Services priced live"
          description="A mapped service is priced by the account at checkout when it answers within the budget; delivery dates still come from Tailroute."
        >
          <Card>
            <MappingForm page={page} data={data} saving={saving} />
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection title="Budget" description="How long checkout waits for live rates.">
          <Card>
            <LiveSettingsForm settings={page.settings} data={data} saving={saving} />
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
