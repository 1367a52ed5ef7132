import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, DataTable, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import type { CsvLineError } from "../../contracts/rate-card-csv";
import { parseTrackingCsv, TRACKING_CSV_COLUMNS } from "../../services/handoff/tracking-upload-csv";
import type { PlannedTrackingLine } from "../../services/handoff/tracking-upload.server";
import { CsvFileImport } from "../csv-file-import";
import { useActionToast } from "../use-action-toast";

type UploadAnswer =
  | { intent: "preview"; ok: true; lines: PlannedTrackingLine[] }
  | { intent: "apply"; ok: true; recorded: number; duplicates: number; message: string }
  | { intent?: "preview" | "apply"; ok: false; lineErrors?: CsvLineError[]; error?: string };

/**
 * Tracking numbers from the warehouse's CSV: the file is checked in the browser, then on the server against the
 * warehouse's handoffs (a preview, every line with its order), then recorded all or nothing; each new number
 * becomes the Shopify fulfillment through the same job as the signed endpoint's reports.
 */
export function TrackingUploadCard({ warehouseId }: { warehouseId: string }) {
  const fetcher = useFetcher<UploadAnswer>();
  const [csv, setCsv] = useState("");
  const answer = fetcher.data;
  useActionToast(answer?.intent === "apply" && answer.ok ? answer : null);
  const submit = (intent: "preview" | "apply", text: string) =>
    fetcher.submit(
      { intent, csv: text },
      { method: "post", action: `/app/warehouses/${warehouseId}/tracking-upload` },
    );
  const preview = answer?.intent === "preview" && answer.ok ? answer.lines : null;
  const fresh = preview?.filter((l) => l.outcome === "new").length ?? 0;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingSm">
          Upload tracking (CSV)
        </Text>
        <Text as="p" variant="bodySm" tone="subdued">
          {`Columns: ${TRACKING_CSV_COLUMNS.join(", ")} (url optional; handoff_id may replace order). ` +
            "A number already recorded is not sent to Shopify again."}
        </Text>
        <CsvFileImport
          label="Tracking CSV"
          importing={fetcher.state !== "idle" && fetcher.formData?.get("intent") === "preview"}
          serverErrors={answer && !answer.ok ? answer.lineErrors : undefined}
          validate={(_rows, text) => {
            const parsed = parseTrackingCsv(text);
            return {
              errors: parsed.errors,
              summary: <Text as="p">{`${parsed.lines.length} line(s) to check against the handoffs`}</Text>,
            };
          }}
          onImport={(text) => {
            setCsv(text);
            submit("preview", text);
          }}
        />
        {answer && !answer.ok && answer.error ? <Banner tone="critical">{answer.error}</Banner> : null}
        {preview ? (
          <BlockStack gap="200">
            <DataTable
              columnContentTypes={["numeric", "text", "text", "text", "text"]}
              headings={["Line", "Order", "Carrier", "Tracking number", ""]}
              rows={preview.map((l) => [
                l.line,
                l.orderName ?? l.fulfillmentOrderId,
                l.company,
                l.trackingNumber,
                l.outcome,
              ])}
            />
            <InlineStack align="end">
              <Button
                variant="primary"
                disabled={fresh === 0}
                loading={fetcher.state !== "idle" && fetcher.formData?.get("intent") === "apply"}
                onClick={() => submit("apply", csv)}
              >
                {fresh === 0 ? "Nothing new to record" : `Record ${fresh} tracking number(s)`}
              </Button>
            </InlineStack>
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}
