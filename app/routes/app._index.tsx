import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, DataTable, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { AnalyticsRangeForm } from "../components/analytics-range-form";
import { ChartCard } from "../components/chart-card";
import { PickupRateCard } from "../components/home/pickup-rate-card";
import { SetupChecklistCard } from "../components/setup-checklist-card";
import { SetupStartBanner } from "../components/setup-start-banner";
import { adminContext } from "../services/admin/admin-context.server";
import { parseAnalyticsRange } from "../services/admin/analytics-range";
import { keyFigures, setupChecklist } from "../services/admin/home.server";
import { pickupRateHistory } from "../services/pickup/pickup-rate-history.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop, demo } = await adminContext(request);
  // Every chart and table below counts only what happened in the range (`?range=7|30|90|custom&from=&to=`).
  const range = parseAnalyticsRange(new URL(request.url).searchParams, new Date());
  const within = range.key === "all" ? undefined : range;
  const [checklist, figures, pickupHistory] = await Promise.all([
    setupChecklist(db, shop, { demo }),
    keyFigures(db, shop, within),
    pickupRateHistory(db, shop, { now: new Date(), ...(within ? { range: within } : {}) }),
  ]);
  const rangeView = { key: range.key, fromDay: range.fromDay, toDay: range.toDay };
  return { shop, checklist, figures, pickupHistory, range: rangeView };
};

/** One chart series from figures (`key`, `value`), or none while there are no figures (the card's empty state). */
const series = (name: string, figures: { key: string; value: number }[]) =>
  figures.length ? [{ name, data: figures.map(({ key, value }) => ({ key, value })) }] : [];

export default function Home() {
  const { checklist, figures, pickupHistory, range } = useLoaderData<typeof loader>();
  return (
    <Page title="Tailroute">
      <Layout>
        <SetupStartBanner checklist={checklist} />
        <Layout.Section>
          <SetupChecklistCard checklist={checklist} />
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <AnalyticsRangeForm key={`${range.key}:${range.fromDay}:${range.toDay}`} range={range} />
              <Text as="p" tone="subdued">
                {range.key === "all"
                  ? "All time: every order decided, delivery made and hold started so far."
                  : `Figures from ${range.fromDay} to ${range.toDay}: orders decided, deliveries made and holds started in these days.`}
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Product-page promise kept
              </Text>
              {figures.pagePromise.percent === null ? (
                <Text as="p" tone="subdued">
                  No delivered order saw a product-page promise in this range yet. The delivery-promise block
                  keeps the dates it showed with the cart; each order delivered counts here.
                </Text>
              ) : (
                <>
                  <Text as="p" variant="headingXl">
                    {`${figures.pagePromise.percent}%`}
                  </Text>
                  <Text as="p" tone="subdued">
                    {`${figures.pagePromise.kept} of ${figures.pagePromise.promised} delivered orders arrived within the window the product page showed for the speed chosen at checkout`}
                  </Text>
                </>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            <ChartCard
              title="Orders routed by warehouse and mode"
              data={figures.ordersByWarehouse}
              summary={`${figures.orders} routed orders`}
              empty="No orders routed yet. Routed orders appear here by warehouse and delivery mode."
            />
            <ChartCard
              title="Average shipping cost per order ($)"
              data={series("Average cost", figures.averageCostByMode)}
              empty="No shipping costs yet: they come from routed orders."
            />
            <ChartCard
              title="On-time rate per service (%)"
              data={series("On time %", figures.onTimeByService)}
              empty="No deliveries tracked yet. On-time rates appear once shipments are delivered."
            />
            <ChartCard
              title="On-time rate of the busiest lanes (%)"
              horizontal
              data={figures.laneOnTime}
              summary={`${figures.lanes.length} busiest lanes: warehouse · service → destination ZIP3`}
              empty="No lane statistics yet. Each delivered shipment adds to its lane (warehouse × service × destination ZIP3)."
            />
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <ChartCard
            title="Transit days of the busiest lanes (% of deliveries)"
            horizontal
            stacked
            data={figures.laneTransitDays}
            summary="Business days from the first carrier scan to delivery"
            empty="No transit times learned yet: they come from delivered shipments."
          />
        </Layout.Section>
        {figures.lanes.length > 0 ? (
          <Layout.Section>
            <Card padding="0">
              <DataTable
                columnContentTypes={["text", "text", "text", "numeric", "numeric", "numeric", "numeric"]}
                headings={[
                  "Warehouse",
                  "Service",
                  "To ZIP3",
                  "Deliveries",
                  "On time",
                  "Median days",
                  "90th pct days",
                ]}
                rows={figures.lanes.map((lane) => [
                  lane.warehouse,
                  lane.service,
                  `${lane.destZip3}xx`,
                  lane.samples,
                  lane.onTimePercent === null ? "—" : `${lane.onTimePercent}%`,
                  lane.p50Days,
                  lane.p90Days,
                ])}
              />
            </Card>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            <ChartCard
              title="Locker pickup rate per network (%)"
              data={series("Picked up %", figures.pickupByNetwork)}
              empty="No parcels held at pickup points yet."
            />
            <ChartCard
              title="Pickup rate per pickup point (%)"
              horizontal
              data={series("Picked up %", figures.pickupByPoint)}
              summary={`The ${figures.pickupByPoint.length === 1 ? "pickup point" : `${figures.pickupByPoint.length} pickup points`} with the most parcels held`}
              empty="No parcels held at a known pickup point yet."
            />
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <PickupRateCard history={pickupHistory} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
