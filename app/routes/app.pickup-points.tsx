import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Layout, Page } from "@shopify/polaris";
import { ErrorsBanner } from "../components/errors-banner";
import { NetworkCard } from "../components/pickup-network-card";
import { DirectoryImportCard } from "../components/pickup-points/directory-import-card";
import { PickupDirectoryCard } from "../components/pickup-points/pickup-directory-card";
import { ReliabilityCard } from "../components/pickup-points/reliability-card";
import { UpsLocatorCard } from "../components/pickup-points/ups-locator-card";
import { SaveButton } from "../components/save-button";
import { useActionToast } from "../components/use-action-toast";
import { adminContext } from "../services/admin/admin-context.server";
import { statusOf } from "../services/admin/form-data";
import { pickupPointsAction, pickupPointsPage } from "../services/admin/pickup-form.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  return pickupPointsPage(db, shop, new URL(request.url).searchParams);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const result = await pickupPointsAction(db, shop, await request.formData());
  return json(result, { status: statusOf(result) });
};

export default function PickupPoints() {
  const { settings, directory, filters, ups, reliability } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  useActionToast(data);
  return (
    <Page
      title="Pickup points"
      subtitle="Lockers and pickup counters buyers can choose instead of home delivery"
    >
      <Layout>
        <Layout.Section>
          <Form method="post">
            <input type="hidden" name="intent" value="settings" />
            <BlockStack gap="400">
              <ErrorsBanner data={data} />
              {settings.map((s) => (
                <NetworkCard key={s.network} settings={s} errors={data} />
              ))}
              <SaveButton saving={saving} />
            </BlockStack>
          </Form>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <DirectoryImportCard />
            <UpsLocatorCard ups={ups} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section>
          <ReliabilityCard rule={reliability.rule} flagged={reliability.flagged} />
        </Layout.Section>
        <Layout.Section>
          <PickupDirectoryCard
            networks={settings.map((s) => s.network)}
            directory={directory}
            filters={filters}
          />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
