import { BarChart, PolarisVizProvider } from "@shopify/polaris-viz";

export interface ChartSeries {
  name: string;
  data: { key: string; value: number | null }[];
}

/** A Polaris Viz bar chart (browser only: it measures the DOM, so it is loaded after hydration). */
export default function AdminBarChart({
  data,
  formatValue,
  horizontal = false,
  stacked = false,
}: {
  data: ChartSeries[];
  formatValue?: (value: number | string | null) => string;
  horizontal?: boolean;
  stacked?: boolean;
}) {
  // Horizontal charts grow with their categories, so every label (a lane, a pickup point) gets its own row.
  const categories = Math.max(0, ...data.map((series) => series.data.length));
  const height = horizontal ? Math.max(160, categories * (stacked ? 36 : 28 * data.length + 12) + 100) : 240;
  return (
    <PolarisVizProvider>
      <div style={{ height }}>
        <BarChart
          data={data}
          theme="Light"
          direction={horizontal ? "horizontal" : "vertical"}
          type={stacked ? "stacked" : "default"}
          isAnimated={false}
          {...(formatValue ? { yAxisOptions: { labelFormatter: formatValue }, xAxisOptions: {} } : {})}
        />
      </div>
    </PolarisVizProvider>
  );
}
