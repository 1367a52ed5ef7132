import { Form } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { DownloadButton } from "../download-button";

interface HandoffCardProps {
  status: {
    enabled: boolean;
    url: string;
    method: "WEBHOOK" | "PICK_LIST";
    fulfillmentServiceId: string | null;
  };
  /** The action's answer: a new secret to show once, or the endpoint's error. */
  result: { ok: boolean; value?: { secret?: string }; errors?: Record<string, string> } | undefined;
  saving: boolean;
}

const METHODS = [
  { label: "Signed webhook: each order is sent to the warehouse's endpoint", value: "WEBHOOK" },
  { label: "Pick list: the warehouse downloads each day's orders (CSV / JSON)", value: "PICK_LIST" },
];

/** "Tailroute hands orders to this warehouse": how (webhook or pick list), switch, and the secret shown once. */
export function WarehouseHandoffCard({ status, result, saving }: HandoffCardProps) {
  const [url, setUrl] = useState(status.url);
  const [method, setMethod] = useState<string>(status.method);
  const secret = result?.ok ? result.value?.secret : undefined;
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="handoff" />
        <BlockStack gap="300">
          <Text as="h2" variant="headingSm">
            Hand orders to this warehouse
          </Text>
          <Text as="p" tone="subdued">
            For a warehouse without a Shopify app: Tailroute receives its fulfillment requests, hands each
            order to the warehouse (a signed webhook, or the day's pick list) and fulfils it with the tracking
            number the warehouse sends back or you upload.
          </Text>
          {status.enabled ? (
            <Banner tone="success">
              {`On (${status.method === "PICK_LIST" ? "pick list" : "webhook"}), through fulfillment service ${status.fulfillmentServiceId}.`}
            </Banner>
          ) : null}
          {secret ? (
            <Banner tone="warning" title="Signing secret (shown once)">
              <Text as="p" breakWord>
                {secret}
              </Text>
            </Banner>
          ) : null}
          <Select
            label="How the warehouse gets its orders"
            name="handoffMethod"
            options={METHODS}
            value={method}
            onChange={setMethod}
            error={result?.errors?.handoffMethod}
          />
          {method === "WEBHOOK" ? (
            <TextField
              label="Warehouse endpoint"
              name="handoffUrl"
              value={url}
              onChange={setUrl}
              autoComplete="off"
              placeholder="https://warehouse.example/tailroute"
              error={result?.errors?.handoffUrl}
            />
          ) : null}
          <Button submit loading={saving}>
            {status.enabled ? "Save and issue a new secret" : "Turn on handoff"}
          </Button>
        </BlockStack>
      </Form>
    </Card>
  );
}

/** The pick list of a ship date, downloaded as CSV or JSON (shown once the handoff is on). */
export function WarehousePickListCard({
  warehouseId,
  warehouseKey,
  today,
}: {
  warehouseId: string;
  warehouseKey: string;
  today: string;
}) {
  const [date, setDate] = useState(today);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const query = `?date=${encodeURIComponent(date)}`;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingSm">
          Pick list
        </Text>
        <Text as="p" tone="subdued">
          Every order handed to this warehouse that ships on the day (the warehouse&apos;s time zone), with
          its lines, service, packages and ship-to, after the orders of the week before that have no tracking
          yet (marked as carried over). The JSON carries the same documents as the webhook.
        </Text>
        <TextField
          label="Ship date"
          type="date"
          value={date}
          onChange={setDate}
          autoComplete="off"
          error={valid ? undefined : "YYYY-MM-DD"}
        />
        {valid ? (
          <InlineStack gap="200">
            <DownloadButton
              url={`/app/warehouses/${warehouseId}/pick-list.csv${query}`}
              filename={`pick-list-${warehouseKey}-${date}.csv`}
            >
              Download CSV
            </DownloadButton>
            <DownloadButton
              url={`/app/warehouses/${warehouseId}/pick-list.json${query}`}
              filename={`pick-list-${warehouseKey}-${date}.json`}
            >
              Download JSON
            </DownloadButton>
          </InlineStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

/** The handoff part of the page's action answer (the other form's answers carry no secret nor handoff error). */
export function handoffResult(data: unknown): HandoffCardProps["result"] {
  if (!data || typeof data !== "object") return undefined;
  const answer = data as HandoffCardProps["result"] & object;
  const mine = answer.ok
    ? Boolean(answer.value?.secret)
    : Boolean(answer.errors?.handoffUrl ?? answer.errors?.handoffMethod);
  return mine ? answer : undefined;
}
