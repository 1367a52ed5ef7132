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
}: {
  data: ChartSeries[];
  formatValue?: (value: number | string | null) => string;
  horizontal?: boolean;
}) {
  return (
    <PolarisVizProvider>
      <div style={{ height: 240 }}>
        <BarChart
          data={data}
          theme="Light"
          direction={horizontal ? "horizontal" : "vertical"}
          isAnimated={false}
          {...(formatValue ? { yAxisOptions: { labelFormatter: formatValue }, xAxisOptions: {} } : {})}
        />
      </div>
    </PolarisVizProvider>
  );
}
