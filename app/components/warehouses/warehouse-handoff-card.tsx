import { Form } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Text, TextField } from "@shopify/polaris";
import { useState } from "react";

interface HandoffCardProps {
  status: { enabled: boolean; url: string; fulfillmentServiceId: string | null };
  /** The action's answer: a new secret to show once, or the endpoint's error. */
  result: { ok: boolean; value?: { secret?: string }; errors?: Record<string, string> } | undefined;
  saving: boolean;
}

/** "Tailroute hands orders to this warehouse": endpoint, switch, and the signing secret shown once. */
export function WarehouseHandoffCard({ status, result, saving }: HandoffCardProps) {
  const [url, setUrl] = useState(status.url);
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
            For a warehouse without a Shopify app: Tailroute receives its fulfillment requests, sends each
            order to the endpoint below (signed) and fulfils it with the tracking number the warehouse sends
            back.
          </Text>
          {status.enabled ? (
            <Banner tone="success">On, through fulfillment service {status.fulfillmentServiceId}.</Banner>
          ) : null}
          {secret ? (
            <Banner tone="warning" title="Signing secret (shown once)">
              <Text as="p" breakWord>
                {secret}
              </Text>
            </Banner>
          ) : null}
          <TextField
            label="Warehouse endpoint"
            name="handoffUrl"
            value={url}
            onChange={setUrl}
            autoComplete="off"
            placeholder="https://warehouse.example/tailroute"
            error={result?.errors?.handoffUrl}
          />
          <Button submit loading={saving}>
            {status.enabled ? "Save endpoint and issue a new secret" : "Turn on handoff"}
          </Button>
        </BlockStack>
      </Form>
    </Card>
  );
}

/** The handoff part of the page's action answer (the other form's answers carry no secret nor handoffUrl error). */
export function handoffResult(data: unknown): HandoffCardProps["result"] {
  if (!data || typeof data !== "object") return undefined;
  const answer = data as HandoffCardProps["result"] & object;
  const mine = answer.ok ? Boolean(answer.value?.secret) : Boolean(answer.errors?.handoffUrl);
  return mine ? answer : undefined;
}
