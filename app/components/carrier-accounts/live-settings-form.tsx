import { Form } from "@remix-run/react";
import { FormLayout } from "@shopify/polaris";
import { NumberInput, useFormState } from "../form-kit";
import { SaveButton } from "../save-button";

type Settings = { budgetMs: number; breakerFailures: number; breakerCooldownMs: number; cacheTtlMs: number };

/** The live-rate budget, circuit breaker and cache of the shop. */
export function LiveSettingsForm({
  settings,
  data,
  saving,
}: {
  settings: Settings;
  data: unknown;
  saving: boolean;
}) {
  const form = useFormState<Record<string, string>>(
    {
      budgetMs: String(settings.budgetMs),
      breakerFailures: String(settings.breakerFailures),
      breakerCooldownMs: String(settings.breakerCooldownMs),
      cacheTtlMs: String(settings.cacheTtlMs),
    },
    data,
  );
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="settings" />
      <FormLayout>
        <NumberInput
          form={form}
          name="budgetMs"
          label="Budget (ms)"
          helpText="Checkout answers with what is ready by then; a slower account's services keep their rate-card price (100–2,500)."
        />
        <FormLayout.Group>
          <NumberInput form={form} name="breakerFailures" label="Failures before pausing an account" />
          <NumberInput form={form} name="breakerCooldownMs" label="Pause (ms)" />
        </FormLayout.Group>
        <NumberInput
          form={form}
          name="cacheTtlMs"
          label="Reuse a live rate for (ms)"
          helpText="Same origin, destination ZIP and parcels; 0 = never."
        />
        <SaveButton saving={saving} />
      </FormLayout>
    </Form>
  );
}
