import { Badge, Card, FormLayout, InlineStack, Text } from "@shopify/polaris";
import type { PickupNetworkSettings } from "../contracts/pickup-settings";
import { centsToDollarsInput } from "../format";
import { CheckboxInput, MoneyInput, NumberInput, TextInput, useFormState, type FormValues } from "./form-kit";

/** Display names of the pickup networks. */
export const NETWORK_LABELS: Record<string, string> = {
  AMAZON_LOCKER: "Amazon Hub Locker",
  UPS_ACCESS_POINT: "UPS Access Point",
  FEDEX_HOLD_AT_LOCATION: "FedEx Hold at Location",
  USPS_HOLD_FOR_PICKUP: "USPS Hold for Pickup",
};

/** One network's settings as form fields named `<NETWORK>.<field>` (see admin/pickup-form.server.ts). */
function networkFields(s: PickupNetworkSettings): FormValues {
  const n = s.network;
  return {
    [`${n}.enabled`]: s.enabled,
    [`${n}.maxWeightLb`]: String(s.maxWeightLb),
    [`${n}.maxLongestIn`]: String(s.maxLongestIn),
    [`${n}.maxDimensionsIn`]: s.maxDimensionsIn ? s.maxDimensionsIn.join(" x ") : "",
    [`${n}.maxValue`]: centsToDollarsInput(s.maxValueCents),
    [`${n}.holdDays`]: String(s.holdDays),
    [`${n}.maxDistanceMiles`]: String(s.maxDistanceMiles),
    [`${n}.excludeFragile`]: s.excludeFragile,
    [`${n}.excludeValuable`]: s.excludeValuable,
    [`${n}.excludeColdChain`]: s.excludeColdChain,
  };
}

/** One network's card: offered or not, its limits, hold days, search radius and excluded goods. */
export function NetworkCard({ settings, errors }: { settings: PickupNetworkSettings; errors: unknown }) {
  const n = settings.network;
  const form = useFormState(networkFields(settings), errors);
  return (
    <Card>
      <FormLayout>
        <InlineStack align="space-between">
          <Text as="h2" variant="headingMd">
            {NETWORK_LABELS[n] ?? n}
          </Text>
          {form.values[`${n}.enabled`] ? <Badge tone="success">Offered</Badge> : <Badge>Off</Badge>}
        </InlineStack>
        <CheckboxInput form={form} name={`${n}.enabled`} label="Offer at checkout" />
        <FormLayout.Group condensed>
          <NumberInput form={form} name={`${n}.maxWeightLb`} label="Max weight (lb)" />
          <NumberInput form={form} name={`${n}.maxLongestIn`} label="Max longest side (in)" />
          <TextInput
            form={form}
            name={`${n}.maxDimensionsIn`}
            label="Compartment (in)"
            placeholder="16 x 12 x 14"
          />
        </FormLayout.Group>
        <FormLayout.Group condensed>
          <MoneyInput form={form} name={`${n}.maxValue`} label="Max value" placeholder="no limit" />
          <NumberInput form={form} name={`${n}.holdDays`} label="Hold days" />
          <NumberInput form={form} name={`${n}.maxDistanceMiles`} label="Search radius (mi)" />
        </FormLayout.Group>
        <InlineStack gap="400">
          <CheckboxInput form={form} name={`${n}.excludeFragile`} label="Not for fragile" />
          <CheckboxInput form={form} name={`${n}.excludeValuable`} label="Not for valuables" />
          <CheckboxInput form={form} name={`${n}.excludeColdChain`} label="Not for cold chain" />
        </InlineStack>
      </FormLayout>
    </Card>
  );
}
