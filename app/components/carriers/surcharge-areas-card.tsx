import { useFetcher } from "@remix-run/react";
import { BlockStack, Card, DataTable, FormLayout, Text } from "@shopify/polaris";
import { readZipList, type ZipListResult } from "../../contracts/zip-list";
import { formatMoney } from "../../format";
import type {
  SurchargeAreaImportResult,
  SurchargeAreaSummary,
} from "../../services/admin/surcharge-areas.server";
import { CsvFileImport, previewOf } from "../csv-file-import";
import { ErrorsBanner } from "../errors-banner";
import { MoneyInput, SelectInput, useFormState } from "../form-kit";
import { useActionToast } from "../use-action-toast";

/** Lines checked per slice in the browser, so a carrier's 40,000-line list keeps the progress bar moving. */
const ZIP_LIST_SLICE = 2_000;

/** The service's three area lists: how many ZIPs and prefixes each holds, what it costs, where it came from. */
export function SurchargeAreasTable({ areas }: { areas: SurchargeAreaSummary[] }) {
  return (
    <Card>
      <DataTable
        columnContentTypes={["text", "numeric", "numeric", "numeric", "text"]}
        headings={["Surcharge", "ZIPs", "ZIP3 prefixes", "Amount", "List"]}
        rows={areas.map((a) => [
          a.label,
          a.zip5.toLocaleString("en-US"),
          a.zip3.toLocaleString("en-US"),
          a.amountCents === null ? "—" : `${formatMoney(a.amountCents)} per ${a.per?.toLowerCase()}`,
          a.source ?? "none",
        ])}
      />
    </Card>
  );
}

const preview = (result: ZipListResult) => ({
  errors: result.errors,
  summary: (
    <Text as="p">
      {`${result.zip5.length.toLocaleString("en-US")} ZIPs and ${result.zip3.length.toLocaleString("en-US")} ZIP3 prefixes`}
      {result.duplicates > 0 ? ` (${result.duplicates.toLocaleString("en-US")} repeated lines ignored)` : ""}
    </Text>
  ),
});

/** Which surcharge, replace or merge, the amount, then the file: checked in the browser, imported all or nothing. */
export function SurchargeAreaImportCard() {
  const importer = useFetcher<SurchargeAreaImportResult>();
  useActionToast(importer.data);
  const form = useFormState(
    { code: "DELIVERY_AREA", mode: "REPLACE", amount: "", per: "PACKAGE" },
    importer.data,
  );
  const lineErrors = importer.data && !importer.data.ok ? importer.data.lineErrors : undefined;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Import a ZIP list
        </Text>
        <Text as="p" tone="subdued">
          One ZIP per line as carriers publish them: 5-digit ZIPs, ZIP+4 or 3-digit prefixes, plain text or
          CSV (first column).
        </Text>
        <ErrorsBanner data={lineErrors ? undefined : importer.data} />
        <FormLayout>
          <SelectInput
            form={form}
            name="code"
            label="Surcharge"
            options={[
              { label: "Delivery area surcharge (DAS)", value: "DELIVERY_AREA" },
              { label: "Extended delivery area", value: "EXTENDED_DELIVERY_AREA" },
              { label: "Remote area", value: "REMOTE_AREA" },
            ]}
          />
          <SelectInput
            form={form}
            name="mode"
            label="With the list the service has"
            options={[
              { label: "Replace it", value: "REPLACE" },
              { label: "Merge (add the new ZIPs)", value: "MERGE" },
            ]}
          />
          <FormLayout.Group>
            <MoneyInput
              form={form}
              name="amount"
              label="Amount"
              errorPath="amountCents"
              helpText="Leave empty to keep the current amount"
            />
            <SelectInput
              form={form}
              name="per"
              label="Charged per"
              options={[
                { label: "Package", value: "PACKAGE" },
                { label: "Shipment", value: "SHIPMENT" },
              ]}
            />
          </FormLayout.Group>
        </FormLayout>
        <CsvFileImport
          label="ZIP list (CSV or text)"
          accept=".csv,.txt,text/csv,text/plain"
          importing={importer.state !== "idle"}
          serverErrors={lineErrors}
          validate={(_rows, text) => previewOf(readZipList(text, ZIP_LIST_SLICE), preview)}
          onImport={(list, fileName) =>
            importer.submit({ ...form.values, list, fileName }, { method: "post" })
          }
        />
      </BlockStack>
    </Card>
  );
}
