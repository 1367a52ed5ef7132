import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Layout, Page, Text } from "@shopify/polaris";
import { CalendarCard } from "../components/appointments/calendar-card";
import { useActionToast } from "../components/use-action-toast";
import { adminContext } from "../services/admin/admin-context.server";
import { statusOf } from "../services/admin/form-data";
import { appointmentCalendarsPage, saveCalendarForm } from "../services/appointments/calendar-form.server";

// Freight delivery appointments: each freight warehouse's capacity calendar (docs/appointments.md).
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  return { cards: await appointmentCalendarsPage(db, shop, new Date().toISOString().slice(0, 10)) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const result = await saveCalendarForm(db, shop, await request.formData());
  return json(result, { status: statusOf(result) });
};

export default function Appointments() {
  const { cards } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  useActionToast(data);
  const savingKey = navigation.state === "submitting" ? navigation.formData?.get("warehouseKey") : null;
  return (
    <Page title="Delivery appointments">
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="p" tone="subdued">
              After a freight order, the buyer picks a delivery window on the order status or thank-you page,
              from the days its delivery promise allows (transit and the service&apos;s appointment lead
              days), on the days each region is served, while a window has seats left. The booking is written
              to the order (metafield and note), shown on the order page and handed to the warehouse.
            </Text>
            {cards.length === 0 && (
              <Text as="p">No warehouse ships freight yet: enable freight on a warehouse first.</Text>
            )}
            {cards.map((card) => (
              <CalendarCard
                key={card.warehouse.key}
                {...card}
                errors={data && !data.ok && data.warehouseKey === card.warehouse.key ? data.errors : {}}
                saving={savingKey === card.warehouse.key}
              />
            ))}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
