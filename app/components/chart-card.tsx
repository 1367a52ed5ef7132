import { BlockStack, Card, SkeletonBodyText, Text } from "@shopify/polaris";
import { lazy, Suspense } from "react";
import type { ChartSeries } from "./bar-chart.client";
import { ClientOnly } from "./client-only";

const AdminBarChart = lazy(() => import("./bar-chart.client"));

/** A card with a title and a bar chart, or an empty-state sentence until there is data. */
export function ChartCard({
  title,
  data,
  empty,
  summary,
  horizontal = false,
  stacked = false,
}: {
  title: string;
  data: ChartSeries[];
  empty: string;
  summary?: string;
  /** Bars along the x axis: for long category labels (lanes, pickup points). */
  horizontal?: boolean;
  /** One bar per category with its series stacked (e.g. shares that add up to 100 %). */
  stacked?: boolean;
}) {
  const hasData = data.some((series) => series.data.length > 0);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        {hasData ? (
          <>
            {summary ? (
              <Text as="p" tone="subdued">
                {summary}
              </Text>
            ) : null}
            <ClientOnly fallback={<SkeletonBodyText lines={6} />}>
              {() => (
                <Suspense fallback={<SkeletonBodyText lines={6} />}>
                  <AdminBarChart data={data} horizontal={horizontal} stacked={stacked} />
                </Suspense>
              )}
            </ClientOnly>
          </>
        ) : (
          <Text as="p" tone="subdued">
            {empty}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}
