import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Card, Layout, Page, Text } from "@shopify/polaris";
import { EmailSettingsForm } from "../components/notifications/email-settings-form";
import { EmailPreviews } from "../components/notifications/email-previews";
import { FlowTriggerList } from "../components/notifications/flow-trigger-list";
import { NotificationLogTable } from "../components/notifications/notification-log-table";
import { useActionToast } from "../components/use-action-toast";
import { adminContext } from "../services/admin/admin-context.server";
import { statusOf } from "../services/admin/form-data";
import { notificationsAction, notificationsPage } from "../services/notifications/admin-page.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  return notificationsPage(db, shop);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const result = await notificationsAction(db, shop, await request.formData());
  return json(result, { status: statusOf(result) });
};

export default function Notifications() {
  const { settings, previews, flowTriggers, log } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  useActionToast(data);
  return (
    <Page
      title="Buyer notifications"
      subtitle="Pickup reminders and delivery news: Shopify Flow triggers and the app's own emails"
    >
      <Layout>
        <Layout.AnnotatedSection
          title="Shopify Flow"
          description="Each trigger starts your workflows (Shopify Email, Klaviyo, SMS apps…). A trigger fires only once a workflow using it is turned on in Flow."
        >
          <Card>
            <FlowTriggerList triggers={flowTriggers} />
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          title="Tailroute's own emails"
          description="For stores that do not use Flow: sent through your SMTP server to the order's email. Every email has an unsubscribe link."
        >
          <Card>
            <EmailSettingsForm settings={settings} data={data} saving={saving} />
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          title="Previews"
          description="Each email as a buyer sees it, with a made-up order."
        >
          <EmailPreviews previews={previews} />
        </Layout.AnnotatedSection>
        <Layout.Section>
          <Card padding="0">
            <BlockStack gap="200">
              <div style={{ padding: "16px 16px 0" }}>
                <Text as="h2" variant="headingMd">
                  Sent and fired
                </Text>
              </div>
              <NotificationLogTable rows={log} />
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
