import { Form } from "@remix-run/react";
import { Banner, BlockStack, Card, Checkbox, FormLayout, InlineGrid, Text } from "@shopify/polaris";
import { DeliveryModeSchema } from "../../contracts/shop-config";
import type { LocationChoice } from "../../services/admin/warehouses-from-locations.server";
import { MODE_DESCRIPTIONS } from "../delivery-labels";
import { CheckboxList, choicesFrom, NumberInput, TextInput, useFormState } from "../form-kit";
import { SaveButton } from "../save-button";

const INITIAL = {
  locationIds: [] as string[],
  cutoffLocalTime: "14:00",
  handlingDays: "1",
  modes: ["EXPRESS_PARCEL", "POSTAL"] as string[],
};

/**
 * "Add from Shopify locations": the shop's locations no warehouse is linked to yet, each with a checkbox; the
 * cutoff, handling days and modes apply to every picked one. The address and time zone come from the location.
 */
export function AddFromLocationsCard({
  choices,
  error,
  actionData,
  saving,
}: {
  choices: LocationChoice[];
  error: string | null;
  actionData: unknown;
  saving: boolean;
}) {
  const form = useFormState(INITIAL, actionData);
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="from-locations" />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            Add from Shopify locations
          </Text>
          {error ? <Banner tone="warning">{error}</Banner> : null}
          {choices.length === 0 ? (
            <Text as="p" tone="subdued">
              Every active Shopify location is already linked to a warehouse.
            </Text>
          ) : (
            <>
              <Text as="p" tone="subdued">
                Tick the locations that ship orders. Each becomes a warehouse with the location&apos;s
                address, the time zone of its ZIP code, and the cutoff, handling days and modes below.
              </Text>
              <BlockStack gap="100">
                {choices.map((c) => (
                  <Checkbox
                    key={c.id}
                    name="locationIds"
                    value={c.id}
                    disabled={c.problem !== null}
                    label={c.name}
                    helpText={`${c.address}${c.timeZone ? ` · ${c.timeZone}` : ""}${c.problem ? ` — ${c.problem}` : ""}`}
                    checked={form.values.locationIds.includes(c.id)}
                    onChange={form.toggle("locationIds", c.id)}
                    error={form.error(`locations.${c.id}`)}
                  />
                ))}
                {form.error("locationIds") ? (
                  <Text as="p" tone="critical">
                    {form.error("locationIds")}
                  </Text>
                ) : null}
              </BlockStack>
              <FormLayout>
                <InlineGrid columns={2} gap="300">
                  <TextInput form={form} name="cutoffLocalTime" label="Order cutoff (local time, HH:MM)" />
                  <NumberInput form={form} name="handlingDays" label="Handling days" />
                </InlineGrid>
                <CheckboxList
                  form={form}
                  name="modes"
                  choices={choicesFrom(
                    DeliveryModeSchema.options,
                    (m) => MODE_DESCRIPTIONS[m],
                    (m) => m,
                  )}
                />
              </FormLayout>
              <SaveButton saving={saving} label="Create warehouses" />
            </>
          )}
        </BlockStack>
      </Form>
    </Card>
  );
}
