import { useFetcher } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, FormLayout, InlineStack, List, Text } from "@shopify/polaris";
import type { upsLocatorSection } from "../../services/admin/pickup-ups-form.server";
import { CheckboxInput, NumberInput, SelectInput, TextInput, fieldError, useFormState } from "../form-kit";
import { ErrorsBanner } from "../errors-banner";
import { useActionToast } from "../use-action-toast";
import { UpsRefreshProgress } from "./ups-refresh-progress";

type Section = Awaited<ReturnType<typeof upsLocatorSection>>;

/**
 * UPS Access Points from the UPS Locator: the shop's OAuth client credentials (the secret is never shown back),
 * where to search (its metros, then the ZIP3s its parcels went to), a weekly schedule, and "Refresh from UPS" with
 * the job's progress.
 */
export function UpsLocatorCard({ ups }: { ups: Section }) {
  const saver = useFetcher();
  const refresher = useFetcher();
  useActionToast(saver.data);
  useActionToast(refresher.data);
  const { account, areas, refresh } = ups;
  const form = useFormState(
    {
      "ups.clientId": "",
      "ups.clientSecret": "",
      "ups.environment": account.environment,
      "ups.metroZips": account.metroZips.join(" "),
      "ups.radiusMiles": String(account.radiusMiles),
      "ups.maxAreas": String(account.maxAreas),
      "ups.weeklyRefresh": account.weeklyRefresh,
    },
    saver.data,
  );
  const refreshError = fieldError(refresher.data, "ups.refresh");
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between">
          <Text as="h2" variant="headingMd">
            UPS Access Points from UPS
          </Text>
          {account.connected ? (
            <Badge tone="success">{`Connected (client ID ${account.clientIdHint})`}</Badge>
          ) : (
            <Badge>Not connected</Badge>
          )}
        </InlineStack>
        <Text as="p" variant="bodySm" tone="subdued">
          Searches the UPS Locator around your delivery areas: the metros you list, then the ZIP3 areas your
          parcels went to in the last 90 days (the busiest first, from each area&apos;s central ZIP). Other
          networks still come from a directory file.
        </Text>
        <saver.Form method="post">
          <input type="hidden" name="intent" value="upsConnect" />
          <FormLayout>
            <ErrorsBanner data={saver.data} />
            <FormLayout.Group>
              <TextInput
                form={form}
                name="ups.clientId"
                label="Client ID"
                placeholder={account.connected ? "Enter again to change the connection" : ""}
              />
              <TextInput
                form={form}
                name="ups.clientSecret"
                label="Client secret"
                type="password"
                helpText={account.connected ? "Leave empty to keep the saved secret" : undefined}
              />
            </FormLayout.Group>
            <FormLayout.Group condensed>
              <SelectInput
                form={form}
                name="ups.environment"
                label="Environment"
                options={[
                  { label: "Production (onlinetools.ups.com)", value: "PRODUCTION" },
                  { label: "Test (wwwcie.ups.com)", value: "TEST" },
                ]}
              />
              <NumberInput form={form} name="ups.radiusMiles" label="Search radius (mi, 5-100)" />
              <NumberInput form={form} name="ups.maxAreas" label="Areas per refresh" />
            </FormLayout.Group>
            <TextInput
              form={form}
              name="ups.metroZips"
              label="Metros to always search (5-digit ZIPs)"
              placeholder="10001 60601"
            />
            <CheckboxInput form={form} name="ups.weeklyRefresh" label="Refresh every Monday (06:00 UTC)" />
            <InlineStack align="end" gap="200">
              {account.connected ? (
                <Button
                  tone="critical"
                  variant="plain"
                  onClick={() => saver.submit({ intent: "upsRemove" }, { method: "post" })}
                >
                  Remove connection
                </Button>
              ) : null}
              <Button submit loading={saver.state !== "idle"}>
                Save connection
              </Button>
            </InlineStack>
          </FormLayout>
        </saver.Form>
        {areas.length ? (
          <BlockStack gap="100">
            <Text as="p" variant="bodySm">
              A refresh searches:
            </Text>
            <List type="bullet">
              {areas.map((a) => (
                <List.Item key={a.zip}>
                  {`${a.city}, ${a.state} ${a.zip} (${a.source === "METRO" ? "metro" : `${a.parcels} parcels`})`}
                </List.Item>
              ))}
            </List>
          </BlockStack>
        ) : (
          <Text as="p" variant="bodySm" tone="subdued">
            No delivery area yet: list a metro, or refresh once parcels have shipped.
          </Text>
        )}
        {account.lastRefreshAt ? (
          <Text as="p" variant="bodySm" tone="subdued">
            {`Last refresh ${account.lastRefreshAt.slice(0, 16).replace("T", " ")} UTC: ${account.lastRefreshSummary ?? ""}`}
          </Text>
        ) : null}
        {account.lastRefreshError && !refresh?.running ? (
          <Text as="p" variant="bodySm" tone="critical">
            {`UPS: ${account.lastRefreshError}`}
          </Text>
        ) : null}
        <UpsRefreshProgress key={refresh?.id ?? "none"} initial={refresh} />
        {refreshError ? (
          <Text as="p" tone="critical">
            {refreshError}
          </Text>
        ) : null}
        <InlineStack align="end">
          <Button
            variant="primary"
            disabled={!account.connected || refresh?.running}
            loading={refresher.state !== "idle"}
            onClick={() => refresher.submit({ intent: "upsRefresh" }, { method: "post" })}
          >
            Refresh from UPS
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
