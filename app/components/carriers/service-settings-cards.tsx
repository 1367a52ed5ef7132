import { BlockStack, Card, FormLayout, Text } from "@shopify/polaris";
import { CarrierServiceForm } from "../../contracts/admin-forms";
import {
  CheckboxInput,
  CheckboxList,
  choicesFrom,
  MarkupFields,
  NumberInput,
  SelectInput,
  TextInput,
  type FormState,
} from "../form-kit";
import type { CarrierFormValues } from "./carrier-form-values";

type Form = { form: FormState<CarrierFormValues> };

/** Name, buyer-facing tier, enabled. */
export function ServiceBasicsCard({ form }: Form) {
  return (
    <Card>
      <FormLayout>
        <FormLayout.Group>
          <TextInput form={form} name="name" label="Name" />
          <SelectInput
            form={form}
            name="tier"
            label="Buyer-facing tier"
            options={[...CarrierServiceForm.shape.tier.options]}
          />
        </FormLayout.Group>
        <CheckboxInput form={form} name="enabled" label="Enabled" />
      </FormLayout>
    </Card>
  );
}

/** Which of the shop's warehouses ship with this service (none ticked = every one offering its mode). */
export function ServiceWarehousesCard({
  form,
  mode,
  warehouses,
}: Form & { mode: string; warehouses: { key: string; name: string }[] }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Warehouses shipping with this service
        </Text>
        <Text as="p" tone="subdued">
          None ticked = every warehouse that offers {mode}.
        </Text>
        <CheckboxList
          form={form}
          name="warehouseKeys"
          choices={choicesFrom(
            warehouses,
            (w) => w.name,
            (w) => w.key,
          )}
        />
      </BlockStack>
    </Card>
  );
}

/** DIM divisor and threshold, weight and size limits. */
export function ServiceLimitsCard({ form }: Form) {
  return (
    <Card>
      <FormLayout>
        <Text as="h2" variant="headingMd">
          Dimensional weight and limits
        </Text>
        <FormLayout.Group condensed>
          <NumberInput form={form} name="dimDivisor" label="DIM divisor (in³/lb)" />
          <NumberInput form={form} name="dimMinCubicIn" label="DIM applies above (in³)" />
        </FormLayout.Group>
        <FormLayout.Group condensed>
          <NumberInput form={form} name="maxWeightLb" label="Max weight (lb)" step={0.01} />
          <NumberInput form={form} name="maxLongestIn" label="Max longest side (in)" step={0.01} />
          <NumberInput form={form} name="maxLengthPlusGirthIn" label="Max length + girth (in)" step={0.01} />
        </FormLayout.Group>
      </FormLayout>
    </Card>
  );
}

/** The service's own markup (both empty = the shop's, from the Routing page). */
export function ServiceMarkupCard({ form }: Form) {
  return (
    <Card>
      <FormLayout>
        <Text as="h2" variant="headingMd">
          Markup
        </Text>
        <Text as="p" tone="subdued">
          Leave both empty to use the shop&apos;s markup (Routing page). Set either to price this
          service&apos;s shipments with its own markup instead.
        </Text>
        <MarkupFields form={form} />
      </FormLayout>
    </Card>
  );
}

/** Fuel and peak surcharges, federal holidays and other closed dates. */
export function ServiceCalendarCard({ form }: Form) {
  return (
    <Card>
      <FormLayout>
        <Text as="h2" variant="headingMd">
          Surcharges and calendar
        </Text>
        <FormLayout.Group condensed>
          <NumberInput form={form} name="fuelPercent" label="Fuel surcharge (%)" step={0.01} />
          <NumberInput form={form} name="peakCents" label="Peak surcharge (cents per package)" />
        </FormLayout.Group>
        <TextInput
          form={form}
          name="peakWindows"
          label="Peak windows"
          multiline={3}
          helpText="One window per line: 2026-11-23 2027-01-17"
        />
        <SelectInput
          form={form}
          name="federalHolidays"
          label="Federal holidays"
          options={[
            { label: "Closed on all federal holidays", value: "ALL" },
            { label: "Delivers on federal holidays", value: "NONE" },
          ]}
        />
        <TextInput
          form={form}
          name="extraClosedDates"
          label="Other closed dates"
          multiline={2}
          helpText="YYYY-MM-DD, one per line"
        />
      </FormLayout>
    </Card>
  );
}
