import { Banner, BlockStack, Box, Card, FormLayout, Text } from "@shopify/polaris";
import { DeliveryModeSchema } from "../../contracts/shop-config";
import { FREIGHT_LEVELS } from "../../contracts/admin-forms";
import { US_TIME_ZONES } from "../../format";
import type { ShopifyLocation } from "../../services/admin/shopify-locations.server";
import { FREIGHT_LEVEL_LABELS, MODE_DESCRIPTIONS } from "../delivery-labels";
import {
  CheckboxInput,
  CheckboxList,
  choicesFrom,
  NumberInput,
  SelectInput,
  TextInput,
  type FormState,
} from "../form-kit";
import type { WarehouseFormFields } from "./warehouse-form-values";

type Form = { form: FormState<WarehouseFormFields> };

/** Name, key, address, time zone, cutoff and handling days. */
export function WarehouseAddressCard({ form }: Form) {
  return (
    <Card>
      <FormLayout>
        <FormLayout.Group>
          <TextInput form={form} name="name" label="Name" />
          <TextInput
            form={form}
            name="key"
            label="Key"
            errorPath="id"
            helpText="Stable id used in decisions and order tags"
          />
        </FormLayout.Group>
        <TextInput form={form} name="address1" label="Address" errorPath="address.address1" />
        <FormLayout.Group condensed>
          <TextInput form={form} name="city" label="City" errorPath="address.city" />
          <TextInput form={form} name="state" label="State" errorPath="address.state" maxLength={2} />
          <TextInput form={form} name="zip" label="ZIP code" errorPath="address.zip" />
        </FormLayout.Group>
        <FormLayout.Group condensed>
          <SelectInput
            form={form}
            name="timeZone"
            label="Time zone"
            options={choicesFrom(
              US_TIME_ZONES,
              (z) => z,
              (z) => z,
              { current: form.values.timeZone },
            )}
          />
          <TextInput form={form} name="cutoffLocalTime" label="Order cutoff (local)" placeholder="14:00" />
          <NumberInput form={form} name="handlingDays" label="Handling days" min={0} />
        </FormLayout.Group>
      </FormLayout>
    </Card>
  );
}

/** The modes the warehouse ships by and, with freight, the final-mile levels it can arrange. */
export function WarehouseModesCard({ form }: Form) {
  return (
    <Card>
      <BlockStack gap="200">
        <CheckboxList
          form={form}
          name="modes"
          choices={choicesFrom(
            DeliveryModeSchema.options,
            (m) => MODE_DESCRIPTIONS[m],
            (m) => m,
          )}
        />
        {form.values.modes.includes("FREIGHT") ? (
          <Box paddingInlineStart="600">
            <BlockStack gap="100">
              <Text as="p" variant="bodySm" tone="subdued">
                Freight service levels this warehouse can arrange (offered at checkout only where the freight
                service offers them too)
              </Text>
              <CheckboxList
                form={form}
                name="freightLevels"
                choices={choicesFrom(
                  FREIGHT_LEVELS,
                  (l) => FREIGHT_LEVEL_LABELS[l].long,
                  (l) => l,
                )}
              />
            </BlockStack>
          </Box>
        ) : null}
      </BlockStack>
    </Card>
  );
}

const locationLabel = (l: ShopifyLocation) =>
  `${l.name}${l.city ? ` (${l.city}, ${l.provinceCode ?? ""})` : ""}${l.isActive ? "" : " — inactive"}`;

/** The Shopify location orders routed here move to, and whether routing uses the warehouse. */
export function WarehouseLocationCard({
  form,
  locations,
  error,
}: Form & { locations: ShopifyLocation[]; error: string | null }) {
  return (
    <Card>
      <BlockStack gap="300">
        {error ? <Banner tone="warning">{error}</Banner> : null}
        <SelectInput
          form={form}
          name="shopifyLocationId"
          label="Shopify location"
          helpText="Orders routed here are moved to this location's fulfillment queue"
          options={choicesFrom(locations, locationLabel, (l) => l.id, {
            first: [{ label: "Not linked", value: "" }],
            current: form.values.shopifyLocationId,
          })}
        />
        <CheckboxInput form={form} name="active" label="Active (used for routing)" />
      </BlockStack>
    </Card>
  );
}
