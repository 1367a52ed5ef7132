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
}: {
  title: string;
  data: ChartSeries[];
  empty: string;
  summary?: string;
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
                  <AdminBarChart data={data} />
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
