import { Banner, BlockStack, Button, DropZone, InlineStack, List, ProgressBar, Text } from "@shopify/polaris";
import Papa from "papaparse";
import { useState, type ReactNode } from "react";
import type { CsvLineError } from "../contracts/rate-card-csv";

export interface CsvPreview {
  errors: CsvLineError[];
  summary: ReactNode;
}

/**
 * Reads a CSV file in the browser in chunks (a progress bar for large files), hands the rows to `validate`
 * (the same contract the server runs) and shows its preview and line errors. `onImport` gets the file's text
 * only when no line is wrong; the server validates again and saves all or nothing.
 */
export function CsvFileImport({
  label,
  validate,
  onImport,
  importing,
  serverErrors,
  accept = ".csv,text/csv",
}: {
  label: string;
  /** File types offered by the picker. */
  accept?: string;
  validate: (rows: string[][], text: string) => CsvPreview;
  onImport: (text: string) => void;
  importing: boolean;
  serverErrors?: CsvLineError[];
}) {
  const [progress, setProgress] = useState<number | null>(null);
  const [file, setFile] = useState<{ name: string; text: string; preview: CsvPreview } | null>(null);

  const read = async (picked: File) => {
    setFile(null);
    setProgress(0);
    const rows: string[][] = [];
    await new Promise<void>((resolve) =>
      Papa.parse<string[]>(picked, {
        skipEmptyLines: false,
        chunkSize: 64 * 1024,
        chunk: (results) => {
          rows.push(...results.data);
          setProgress(Math.min(100, Math.round((results.meta.cursor / Math.max(1, picked.size)) * 100)));
        },
        complete: () => resolve(),
      }),
    );
    const text = await picked.text();
    setProgress(100);
    setFile({ name: picked.name, text, preview: validate(rows, text) });
  };

  const errors = serverErrors && serverErrors.length > 0 ? serverErrors : (file?.preview.errors ?? []);
  return (
    <BlockStack gap="300">
      <DropZone
        label={label}
        accept={accept}
        allowMultiple={false}
        type="file"
        onDrop={(_all, accepted) => accepted[0] && void read(accepted[0])}
      >
        <DropZone.FileUpload actionTitle="Choose file" actionHint="or drop it here" />
      </DropZone>
      {progress !== null && progress < 100 ? <ProgressBar progress={progress} size="small" /> : null}
      {file ? (
        <BlockStack gap="200">
          <Text as="p" variant="bodySm" tone="subdued">
            {file.name}
          </Text>
          {errors.length > 0 ? (
            <Banner
              tone="critical"
              title={`${errors.length} line${errors.length > 1 ? "s" : ""} to fix — nothing will be saved`}
            >
              <List>
                {errors.slice(0, 50).map((e, i) => (
                  <List.Item key={`${e.line}-${i}`}>{`Line ${e.line}: ${e.message}`}</List.Item>
                ))}
              </List>
            </Banner>
          ) : (
            file.preview.summary
          )}
          <InlineStack align="end">
            <Button
              variant="primary"
              disabled={file.preview.errors.length > 0}
              loading={importing}
              onClick={() => onImport(file.text)}
            >
              Import
            </Button>
          </InlineStack>
        </BlockStack>
      ) : null}
    </BlockStack>
  );
}
