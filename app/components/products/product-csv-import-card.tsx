import { useFetcher } from "@remix-run/react";
import { BlockStack, Card, Text } from "@shopify/polaris";
import { PRODUCT_CSV_COLUMNS } from "../../contracts/product-csv";
import { checkProductCsv } from "../../services/admin/product-csv-check";
import type { ProductImportResult } from "../../services/admin/products.server";
import { CsvFileImport, previewOf } from "../csv-file-import";
import { useActionToast } from "../use-action-toast";

/** Product dimensions from a CSV file, checked in the browser in slices before anything is sent. */
export function ProductCsvImportCard() {
  const importer = useFetcher<ProductImportResult>();
  useActionToast(importer.data);
  const importErrors = importer.data && "lineErrors" in importer.data ? importer.data.lineErrors : undefined;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Import dimensions (CSV)
        </Text>
        <Text as="p" variant="bodySm" tone="subdued">
          {`Columns: ${PRODUCT_CSV_COLUMNS.join(", ")} (inches, ounces, yes/no)`}
        </Text>
        <CsvFileImport
          label="Product dimensions CSV"
          importing={importer.state !== "idle"}
          serverErrors={importErrors}
          validate={(_rows, text) =>
            previewOf(checkProductCsv(text), (result) => ({
              errors: result.errors,
              summary: <Text as="p">{`${result.products} products ready to import`}</Text>,
            }))
          }
          onImport={(csv) => importer.submit({ intent: "import", csv }, { method: "post" })}
        />
      </BlockStack>
    </Card>
  );
}
