import { useFetcher } from "@remix-run/react";
import { BlockStack, Button, Card, DataTable, FormLayout, Text } from "@shopify/polaris";
import { zoneChartFromCsv } from "../../contracts/zone-chart-csv";
import type { ZoneChartImportResult } from "../../services/admin/zone-charts.server";
import { CsvFileImport } from "../csv-file-import";
import { SelectInput, TextInput, useFormState } from "../form-kit";
import { useActionToast } from "../use-action-toast";

export interface WarehouseZoneChart {
  key: string;
  name: string;
  originZip3: string;
  chart: { source: string; fileName: string | null; importedAt: string } | null;
}

/** Per warehouse (origin): the carrier's chart in use, or "estimated from distance", and a way back to it. */
export function ZoneChartsTable({ warehouses }: { warehouses: WarehouseZoneChart[] }) {
  const remover = useFetcher<ZoneChartImportResult>();
  useActionToast(remover.data);
  return (
    <Card>
      <DataTable
        columnContentTypes={["text", "text", "text", "text"]}
        headings={["Warehouse", "Origin ZIP3", "Zones from", ""]}
        rows={warehouses.map((w) => [
          w.name,
          w.originZip3,
          w.chart
            ? `${w.chart.source} chart${w.chart.fileName ? ` (${w.chart.fileName})` : ""}, ${w.chart.importedAt.slice(0, 10)}`
            : "Estimated from distance",
          w.chart ? (
            <Button
              variant="plain"
              tone="critical"
              onClick={() => remover.submit({ intent: "delete", warehouseKey: w.key }, { method: "post" })}
            >
              Remove
            </Button>
          ) : (
            ""
          ),
        ])}
      />
    </Card>
  );
}

/** Which warehouse, who published it and which column; then the file, checked in the browser, imported all or nothing. */
export function ZoneChartImportCard({ warehouses }: { warehouses: WarehouseZoneChart[] }) {
  const importer = useFetcher<ZoneChartImportResult>();
  useActionToast(importer.data);
  const form = useFormState(
    { warehouseKey: warehouses[0]?.key ?? "", source: "UPS", column: "" },
    importer.data,
  );
  const lineErrors = importer.data && !importer.data.ok ? importer.data.lineErrors : undefined;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Import a zone chart
        </Text>
        <Text as="p" tone="subdued">
          The chart the carrier publishes for the warehouse&apos;s origin ZIP: a destination ZIP column
          (004-005, 00400-00599 or 005---098) and a zone column per service.
        </Text>
        <FormLayout>
          <SelectInput
            form={form}
            name="warehouseKey"
            label="Warehouse (origin)"
            options={warehouses.map((w) => ({ label: `${w.name} · ${w.originZip3}`, value: w.key }))}
          />
          <FormLayout.Group>
            <SelectInput form={form} name="source" label="Published by" options={["UPS", "FedEx", "USPS"]} />
            <TextInput
              form={form}
              name="column"
              label="Zone column"
              helpText="The service's column, e.g. Ground; empty when the file has one"
            />
          </FormLayout.Group>
        </FormLayout>
        <CsvFileImport
          label="Zone chart (CSV)"
          importing={importer.state !== "idle"}
          serverErrors={lineErrors}
          validate={(_rows, text) => {
            const result = zoneChartFromCsv(text, form.values.column ? { column: form.values.column } : {});
            return {
              errors: result.errors,
              summary: (
                <Text as="p">{`${result.ranges?.length ?? 0} destination ranges from column “${result.column ?? "?"}”`}</Text>
              ),
            };
          }}
          onImport={(csv, fileName) => importer.submit({ ...form.values, csv, fileName }, { method: "post" })}
        />
      </BlockStack>
    </Card>
  );
}
