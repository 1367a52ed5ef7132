import { useFetcher } from "@remix-run/react";
import { BlockStack, Card, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import type { importPickupDirectoryForm } from "../../services/admin/pickup-form.server";
import { parseDirectory } from "../../services/pickup/directory-parse";
import { CsvFileImport } from "../csv-file-import";
import { ImportWriteProgress } from "../import-write-progress";
import { useActionToast } from "../use-action-toast";

/** A pickup directory file (CSV or GeoJSON), checked in the browser, merged into or replacing the directory. */
export function DirectoryImportCard() {
  const importer = useFetcher<Awaited<ReturnType<typeof importPickupDirectoryForm>>>();
  const [mode, setMode] = useState("merge");
  useActionToast(importer.data);
  const importErrors = importer.data && "lineErrors" in importer.data ? importer.data.lineErrors : undefined;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Import a directory
        </Text>
        <Text as="p" variant="bodySm" tone="subdued">
          CSV or GeoJSON of pickup locations (see docs/pickup-points.md).
        </Text>
        <Select
          label="Points missing from the file"
          options={[
            { label: "Keep them", value: "merge" },
            { label: "Remove them", value: "replace" },
          ]}
          value={mode}
          onChange={setMode}
        />
        <CsvFileImport
          label="Directory file"
          accept=".csv,.json,.geojson,text/csv,application/json,application/geo+json"
          importing={importer.state !== "idle"}
          serverErrors={importErrors}
          validate={(_rows, text) => {
            const parsed = parseDirectory(text);
            return {
              errors: parsed.errors,
              summary: <Text as="p">{`${parsed.rows.length} pickup points ready to import`}</Text>,
            };
          }}
          onImport={(text) =>
            importer.submit({ intent: "importDirectory", directory: text, mode }, { method: "post" })
          }
        />
        <ImportWriteProgress
          active={importer.state === "submitting"}
          progressUrl="/app/pickup-points/import-progress"
        />
      </BlockStack>
    </Card>
  );
}
