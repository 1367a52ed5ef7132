import { Banner, BlockStack, Button, DropZone, InlineStack, List, ProgressBar, Text } from "@shopify/polaris";
import Papa from "papaparse";
import { useId, useRef, useState, type ReactNode } from "react";
import type { CsvLineError } from "../contracts/rate-card-csv";

export interface CsvPreview {
  errors: CsvLineError[];
  summary: ReactNode;
}

/**
 * What `validate` returns: the preview at once, or an incremental check that yields its progress (0–1) between
 * slices of lines and returns the preview, so the import can hand the browser back its thread between slices.
 */
export type CsvValidation = CsvPreview | Iterator<number, CsvPreview>;

/** An incremental check's result turned into the preview, still yielding the check's progress. */
export function* previewOf<T>(check: Generator<number, T>, toPreview: (result: T) => CsvPreview) {
  return toPreview(yield* check);
}

type Phase = { step: "reading" | "checking"; progress: number; lines?: number };

/** Reading the file fills the first half of the bar, checking its lines the second. */
const READ_SHARE = 50;
/** How long a slice of an incremental check may hold the main thread before the browser gets it back. */
const SLICE_MS = 12;

/** Hands the thread back to the browser so it can paint (a macrotask: rendering happens before it runs). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const isIterator = (value: CsvValidation): value is Iterator<number, CsvPreview> =>
  typeof (value as Iterator<number, CsvPreview>).next === "function";

/** Runs a validation to its preview, slice by slice for an incremental one, reporting its progress (0–1). */
async function runValidation(validation: CsvValidation, onProgress: (share: number) => void) {
  if (!isIterator(validation)) return validation;
  let sliceStart = performance.now();
  for (;;) {
    const step = validation.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= SLICE_MS) {
      onProgress(step.value);
      await nextTask();
      sliceStart = performance.now();
    }
  }
}

/**
 * Reads a CSV file in the browser in chunks, hands the rows to `validate` (the same contract the server runs) and
 * shows its preview and line errors. A progress bar stays up from the first chunk until the preview replaces
 * it: the reading, then the checking of the lines (which, for a large file, takes a while of its own). `onImport`
 * gets the file's text only when no line is wrong; the server validates again and saves all or nothing.
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
  validate: (rows: string[][], text: string) => CsvValidation;
  onImport: (text: string, fileName: string) => void;
  importing: boolean;
  serverErrors?: CsvLineError[];
}) {
  const [phase, setPhase] = useState<Phase | null>(null);
  const phaseLabelId = useId();
  const [file, setFile] = useState<{ name: string; text: string; preview: CsvPreview } | null>(null);

  // Each pick gets a number: a slower check of an earlier file must not overwrite the newer file's preview.
  const latestPick = useRef(0);
  const read = async (picked: File) => {
    const pick = ++latestPick.current;
    const current = () => pick === latestPick.current;
    setFile(null);
    setPhase({ step: "reading", progress: 0 });
    const rows: string[][] = [];
    await new Promise<void>((resolve) =>
      Papa.parse<string[]>(picked, {
        skipEmptyLines: false,
        chunkSize: 64 * 1024,
        chunk: (results) => {
          rows.push(...results.data);
          const share = Math.min(1, results.meta.cursor / Math.max(1, picked.size));
          if (current()) setPhase({ step: "reading", progress: Math.round(share * READ_SHARE) });
        },
        complete: () => resolve(),
      }),
    );
    const text = await picked.text();
    const checking = (share: number) =>
      current() &&
      setPhase({
        step: "checking",
        progress: READ_SHARE + Math.round(Math.min(1, share) * (100 - READ_SHARE)),
        lines: rows.length,
      });
    checking(0);
    // Let the browser paint "Checking…" before a validation that may hold the thread for a moment.
    await nextTask();
    const preview = await runValidation(validate(rows, text), checking);
    if (!current()) return;
    setPhase(null);
    setFile({ name: picked.name, text, preview });
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
      {phase ? (
        <BlockStack gap="100">
          <Text as="p" variant="bodySm" tone="subdued" id={phaseLabelId}>
            {phase.step === "reading"
              ? "Reading the file…"
              : `Checking ${(phase.lines ?? 0).toLocaleString("en-US")} lines…`}
          </Text>
          <ProgressBar progress={phase.progress} size="small" ariaLabelledBy={phaseLabelId} />
        </BlockStack>
      ) : null}
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
              onClick={() => onImport(file.text, file.name)}
            >
              Import
            </Button>
          </InlineStack>
        </BlockStack>
      ) : null}
    </BlockStack>
  );
}
