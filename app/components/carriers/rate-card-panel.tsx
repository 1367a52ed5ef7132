import { useFetcher } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { rateCardFromRows } from "../../contracts/rate-card-csv";
import type { LtlClassRates } from "../../engine/types";
import { rateCardSize } from "../../format/rate-card-size";
import type { importRateCard } from "../../services/admin/rate-cards.server";
import { CsvFileImport } from "../csv-file-import";
import { DownloadButton } from "../download-button";
import { RateCardTable } from "../rate-card-table";
import { useActionToast } from "../use-action-toast";

type RateCardSummary = {
  name: string;
  isSample: boolean;
  basis: "PER_PACKAGE" | "PER_SHIPMENT";
  effectiveFrom: string;
  zones: number[];
  breaks: unknown[];
  ltl?: LtlClassRates;
};

/** The service's active rate card: what it is, its CSV export, and a CSV import checked in the browser first. */
export function RateCardPanel({
  service,
  serviceName,
  rateCard,
}: {
  service: { id: string; code: string };
  serviceName: string;
  rateCard: RateCardSummary | null;
}) {
  const importer = useFetcher<NonNullable<Awaited<ReturnType<typeof importRateCard>>>>();
  useActionToast(importer.data);
  const importErrors = importer.data && "lineErrors" in importer.data ? importer.data.lineErrors : undefined;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Rate card
          </Text>
          {rateCard?.isSample ? <Badge tone="info">Sample</Badge> : null}
        </InlineStack>
        {rateCard ? (
          <>
            <Text as="p" tone="subdued">
              {`${rateCard.name} · ${rateCardSize(rateCard)} · effective ${rateCard.effectiveFrom.slice(0, 10)}`}
            </Text>
            <DownloadButton
              url={`/app/carriers/${service.id}/rate-card.csv`}
              filename={`${service.code.toLowerCase()}-rate-card.csv`}
            >
              Export CSV
            </DownloadButton>
          </>
        ) : (
          <Text as="p" tone="caution">
            No rate card: this service cannot quote until you import one.
          </Text>
        )}
        <CsvFileImport
          label="Import a rate card (CSV)"
          importing={importer.state !== "idle"}
          serverErrors={importErrors}
          validate={(rows) => {
            const result = rateCardFromRows(rows, {
              name: serviceName,
              basis: rateCard?.basis ?? "PER_PACKAGE",
            });
            return {
              errors: result.errors,
              summary: result.card ? <RateCardTable card={result.card} /> : null,
            };
          }}
          onImport={(csv) => importer.submit({ intent: "importRateCard", csv }, { method: "post" })}
        />
      </BlockStack>
    </Card>
  );
}
