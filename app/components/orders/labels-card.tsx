import { Form } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  DataTable,
  InlineStack,
  Link,
  Select,
  Text,
} from "@shopify/polaris";
import { useState } from "react";
import { formatMoney } from "../../format";

interface LabelView {
  id: string;
  shipmentIndex: number;
  status: string;
  format: string;
  carrier: string | null;
  service: string | null;
  amountCents: number | null;
  trackingCodes: string[];
  trackingUrl: string | null;
  fulfilled: boolean;
  trackers: number;
  refundStatus: string | null;
  error: string | null;
  comparison: {
    carrier: string;
    service: string;
    amountCents: number;
    deliveryDays: number | null;
    arrives: string | null;
    meetsWindow: boolean;
    decided: boolean;
    chosen: boolean;
  }[];
  files: number[];
}

const TONE: Record<string, "success" | "critical" | "info" | undefined> = {
  PURCHASED: "success",
  FAILED: "critical",
  PREPARED: "info",
};

/** Labels bought from the shop's connected accounts for this order, the rates compared, downloads and void. */
export function LabelsCard({
  labels,
  busy,
  canBuy,
}: {
  labels: LabelView[];
  busy: boolean;
  canBuy: boolean;
}) {
  const [format, setFormat] = useState("PDF");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Labels
        </Text>
        {labels.length === 0 ? (
          <Text as="p" tone="subdued">
            No label bought yet.
          </Text>
        ) : null}
        {labels.map((l) => (
          <BlockStack gap="200" key={l.id}>
            <InlineStack gap="200" blockAlign="center">
              <Text as="h3" variant="headingSm">{`Shipment ${l.shipmentIndex + 1}`}</Text>
              <Badge tone={TONE[l.status]}>{l.status === "PREPARED" ? "BUYING" : l.status}</Badge>
              {l.carrier ? (
                <Text as="span">{`${l.carrier} ${l.service ?? ""} · ${formatMoney(l.amountCents)}`}</Text>
              ) : null}
            </InlineStack>
            {l.error ? (
              <Text as="p" tone="critical">
                {l.error}
              </Text>
            ) : null}
            {l.trackingCodes.length ? (
              <Text as="p">
                {`Tracking ${l.trackingCodes.join(", ")}`}
                {l.trackingUrl ? (
                  <>
                    {" · "}
                    <Link url={l.trackingUrl} target="_blank">
                      carrier page
                    </Link>
                  </>
                ) : null}
                {` · ${l.fulfilled ? "fulfilled in Shopify" : "fulfillment pending"} · ${l.trackers} tracker(s)`}
              </Text>
            ) : null}
            {l.files.length ? (
              <InlineStack gap="200">
                {l.files.map((i) => (
                  <Link key={i} url={`/app/labels/${l.id}/${i + 1}`} target="_blank">
                    {`Download parcel ${i + 1} (${l.format})`}
                  </Link>
                ))}
              </InlineStack>
            ) : null}
            {l.comparison.length ? (
              <DataTable
                columnContentTypes={["text", "numeric", "text", "text"]}
                headings={["Service", "Price", "Arrives", "Choice"]}
                rows={l.comparison.map((r) => [
                  `${r.carrier} ${r.service}${r.decided ? " (decided)" : ""}`,
                  formatMoney(r.amountCents),
                  r.arrives ? `${r.arrives} (${r.deliveryDays} business days)` : "no estimate",
                  r.chosen ? "bought" : r.meetsWindow ? "in the window" : "too late",
                ])}
              />
            ) : null}
            {l.refundStatus ? (
              <Text as="p" tone="subdued">{`Void: ${l.refundStatus.toLowerCase()}`}</Text>
            ) : null}
            {l.status === "PURCHASED" ? (
              <Form method="post">
                <input type="hidden" name="intent" value="void-label" />
                <input type="hidden" name="labelId" value={l.id} />
                <Button submit tone="critical" loading={busy}>
                  Void label
                </Button>
              </Form>
            ) : null}
          </BlockStack>
        ))}
        {canBuy ? (
          <Form method="post">
            <BlockStack gap="200">
              <input type="hidden" name="intent" value="buy-labels" />
              <Select
                label="Label format"
                name="format"
                options={[
                  { label: "PDF", value: "PDF" },
                  { label: "ZPL (thermal printers)", value: "ZPL" },
                ]}
                value={format}
                onChange={setFormat}
              />
              <Button submit variant="primary" loading={busy}>
                Buy label
              </Button>
              <Text as="p" tone="subdued">
                Rates every connected account again and buys the cheapest service that still arrives by the
                promised day.
              </Text>
            </BlockStack>
          </Form>
        ) : null}
      </BlockStack>
    </Card>
  );
}
