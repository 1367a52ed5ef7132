import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Box, Card, EmptyState, Page, Text } from "@shopify/polaris";
import { ErrorsBanner } from "../components/errors-banner";
import { JobKindTable } from "../components/jobs/job-kind-table";
import { JobListTable } from "../components/jobs/job-list-table";
import { useActionToast } from "../components/use-action-toast";
import { adminContext } from "../services/admin/admin-context.server";
import { jobAction, jobsPage } from "../services/admin/jobs.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  return jobsPage(db, shop);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const { status, result } = await jobAction(db, shop, Object.fromEntries(await request.formData()));
  return json(result, { status });
};

export default function BackgroundWork() {
  const { kinds, failed, recent } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  useActionToast(data);
  return (
    <Page
      title="Background work"
      subtitle="Shopify writes, retries and recurring checks the app runs after the request that caused them"
    >
      <BlockStack gap="400">
        <ErrorsBanner data={data} title="Nothing changed" />
        <Card padding="0">
          {kinds.length === 0 ? (
            <EmptyState heading="No background work yet" image="">
              <p>Routing an order or a tracking update queues its Shopify writes here.</p>
            </EmptyState>
          ) : (
            <JobKindTable kinds={kinds} />
          )}
        </Card>
        {failed.length > 0 ? (
          <Card padding="0">
            <BlockStack gap="200">
              <Box paddingBlockStart="400" paddingInline="400">
                <Text as="h2" variant="headingMd">
                  Failed
                </Text>
              </Box>
              <JobListTable jobs={failed} busy={busy} />
            </BlockStack>
          </Card>
        ) : null}
        {recent.length > 0 ? (
          <Card padding="0">
            <BlockStack gap="200">
              <Box paddingBlockStart="400" paddingInline="400">
                <Text as="h2" variant="headingMd">
                  Recent
                </Text>
              </Box>
              <JobListTable jobs={recent} busy={busy} />
            </BlockStack>
          </Card>
        ) : null}
      </BlockStack>
    </Page>
  );
}
