import { Badge, Card, Checkbox, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { PickupNetworkSettings } from "../contracts/pickup-settings";
import { fieldError } from "./form-errors";

/** Display names of the pickup networks. */
export const NETWORK_LABELS: Record<string, string> = {
  AMAZON_LOCKER: "Amazon Hub Locker",
  UPS_ACCESS_POINT: "UPS Access Point",
  FEDEX_HOLD_AT_LOCATION: "FedEx Hold at Location",
  USPS_HOLD_FOR_PICKUP: "USPS Hold for Pickup",
};

type Settings = PickupNetworkSettings;

/** One network's settings as form fields named `<NETWORK>.<field>` (see admin/pickup-form.server.ts). */
export function NetworkCard({ settings, errors }: { settings: Settings; errors: unknown }) {
  const n = settings.network;
  const [form, setForm] = useState({
    enabled: settings.enabled,
    maxWeightLb: String(settings.maxWeightLb),
    maxLongestIn: String(settings.maxLongestIn),
    maxDimensionsIn: settings.maxDimensionsIn ? settings.maxDimensionsIn.join(" x ") : "",
    maxValue: settings.maxValueCents === null ? "" : (settings.maxValueCents / 100).toFixed(2),
    holdDays: String(settings.holdDays),
    maxDistanceMiles: String(settings.maxDistanceMiles),
    excludeFragile: settings.excludeFragile,
    excludeValuable: settings.excludeValuable,
    excludeColdChain: settings.excludeColdChain,
  });
  const set = (key: keyof typeof form) => (value: string | boolean) =>
    setForm((f) => ({ ...f, [key]: value }));
  const text = (key: keyof typeof form, label: string, extra: object = {}) => (
    <TextField
      label={label}
      name={`${n}.${key}`}
      value={String(form[key])}
      onChange={set(key)}
      autoComplete="off"
      error={fieldError(errors, `${n}.${key}`)}
      {...extra}
    />
  );
  return (
    <Card>
      <FormLayout>
        <InlineStack align="space-between">
          <Text as="h2" variant="headingMd">
            {NETWORK_LABELS[n] ?? n}
          </Text>
          {form.enabled ? <Badge tone="success">Offered</Badge> : <Badge>Off</Badge>}
        </InlineStack>
        <Checkbox
          label="Offer at checkout"
          name={`${n}.enabled`}
          checked={form.enabled}
          onChange={set("enabled")}
        />
        <FormLayout.Group condensed>
          {text("maxWeightLb", "Max weight (lb)", { type: "number" })}
          {text("maxLongestIn", "Max longest side (in)", { type: "number" })}
          {text("maxDimensionsIn", "Compartment (in)", { placeholder: "16 x 12 x 14" })}
        </FormLayout.Group>
        <FormLayout.Group condensed>
          {text("maxValue", "Max value ($)", { type: "number", placeholder: "no limit" })}
          {text("holdDays", "Hold days", { type: "number" })}
          {text("maxDistanceMiles", "Search radius (mi)", { type: "number" })}
        </FormLayout.Group>
        <InlineStack gap="400">
          <Checkbox
            label="Not for fragile"
            name={`${n}.excludeFragile`}
            checked={form.excludeFragile}
            onChange={set("excludeFragile")}
          />
          <Checkbox
            label="Not for valuables"
            name={`${n}.excludeValuable`}
            checked={form.excludeValuable}
            onChange={set("excludeValuable")}
          />
          <Checkbox
            label="Not for cold chain"
            name={`${n}.excludeColdChain`}
            checked={form.excludeColdChain}
            onChange={set("excludeColdChain")}
          />
        </InlineStack>
      </FormLayout>
    </Card>
  );
}
