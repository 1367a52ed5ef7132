import { BlockStack, Card, Text } from "@shopify/polaris";
import type { PickupRateHistory } from "../../services/pickup/pickup-rate-history.server";
import { LineChart } from "../line-chart";

/** Monday "YYYY-MM-DD" of the week holding an ISO instant (the chart's category of that day). */
function weekOf(iso: string): string {
  const day = Date.parse(iso.slice(0, 10));
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - weekday * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The pickup rate of finished holds week by week, with a marker where the shop's hold reminders started and the
 * rate before and after it.
 */
export function PickupRateCard({ history }: { history: PickupRateHistory }) {
  const markers = history.remindersSince
    ? [{ key: weekOf(history.remindersSince), label: "Reminders on" }]
    : [];
  const split =
    history.remindersSince === null
      ? "No hold reminder has gone out yet: the marker appears the week the first one is sent."
      : `Before reminders: ${history.before === null ? "no finished hold" : `${history.before}%`} · after: ${history.after === null ? "no finished hold yet" : `${history.after}%`} (reminders since ${history.remindersSince.slice(0, 10)})`;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Pickup rate over time (%)
        </Text>
        {history.weeks.length ? (
          <>
            <Text as="p" tone="subdued">
              {`Parcels collected of those whose hold ended, by the week they arrived at the point. ${split}`}
            </Text>
            <LineChart
              title="Weekly pickup rate"
              points={history.weeks.map((w) => ({ key: w.week, value: w.ratePercent }))}
              markers={markers}
            />
          </>
        ) : (
          <Text as="p" tone="subdued">
            No hold has ended yet: each parcel collected or sent back adds to its week.
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}
