import { Form } from "@remix-run/react";
import { BlockStack, FormLayout, Text } from "@shopify/polaris";
import { ErrorsBanner } from "../errors-banner";
import { CheckboxInput, NumberInput, TextInput, useFormState, type FormValue } from "../form-kit";
import { SaveButton } from "../save-button";

export interface EmailSettingsValues {
  emailEnabled: boolean;
  fromName: string;
  fromAddress: string;
  smtpHost: string;
  smtpPort: string;
  smtpSecure: boolean;
  smtpUser: string;
  hasPassword: boolean;
  reminderAfterArrivalDays: string;
  reminderBeforeExpiryDays: string;
  templates: Record<string, { subject: string; intro: string }>;
}

const KIND_LABELS: Record<string, string> = {
  pickup_ready: "Parcel ready for pickup",
  pickup_hold_expiring: "Pickup reminder",
  pickup_hold_expired: "Pickup hold ended",
  delivery_attempt_failed: "Delivery attempt failed",
  shipment_at_risk: "Delivery may be late",
  freight_appointment_booked: "Freight appointment booked",
};

/** Switch, sender, SMTP server (the password is write-only), reminder schedule and each email's subject and intro. */
export function EmailSettingsForm({
  settings,
  data,
  saving,
}: {
  settings: EmailSettingsValues;
  data: unknown;
  saving: boolean;
}) {
  const { templates, hasPassword, ...plain } = settings;
  const initial: Record<string, FormValue> = { ...plain, smtpPassword: "", clearPassword: false };
  for (const [kind, t] of Object.entries(templates)) {
    initial[`templates.${kind}.subject`] = t.subject;
    initial[`templates.${kind}.intro`] = t.intro;
  }
  const form = useFormState<Record<string, FormValue>>(initial, data);
  return (
    <Form method="post">
      <FormLayout>
        <ErrorsBanner data={data} />
        <CheckboxInput form={form} name="emailEnabled" label="Send Tailroute's emails to buyers" />
        <FormLayout.Group>
          <TextInput
            form={form}
            name="fromName"
            label="Sender name"
            helpText="Your store's name, as buyers know it"
          />
          <TextInput form={form} name="fromAddress" label="Sender address" type="email" />
        </FormLayout.Group>
        <FormLayout.Group>
          <TextInput form={form} name="smtpHost" label="SMTP server" placeholder="smtp.example.com" />
          <NumberInput form={form} name="smtpPort" label="Port" />
        </FormLayout.Group>
        <CheckboxInput
          form={form}
          name="smtpSecure"
          label="TLS from the start (port 465); otherwise STARTTLS when offered"
        />
        <FormLayout.Group>
          <TextInput form={form} name="smtpUser" label="SMTP user" />
          <TextInput
            form={form}
            name="smtpPassword"
            label="SMTP password"
            type="password"
            helpText={
              hasPassword ? "A password is stored (encrypted). Leave blank to keep it." : "Stored encrypted."
            }
          />
        </FormLayout.Group>
        {hasPassword ? (
          <CheckboxInput form={form} name="clearPassword" label="Remove the stored password" />
        ) : null}
        <Text as="h3" variant="headingSm">
          Reminders for parcels waiting at a pickup point
        </Text>
        <FormLayout.Group>
          <NumberInput
            form={form}
            name="reminderAfterArrivalDays"
            label="Days after arrival"
            helpText="0 = no reminder"
          />
          <NumberInput
            form={form}
            name="reminderBeforeExpiryDays"
            label="Days before the hold ends"
            helpText="0 = no reminder"
          />
        </FormLayout.Group>
        <Text as="h3" variant="headingSm">
          Subject and opening paragraph
        </Text>
        <Text as="p" tone="subdued" variant="bodySm">
          Placeholders: {"{{order}} {{shop}} {{point}} {{deadline}} {{carrier}} {{tracking}} {{window}}"}. The
          pickup point, deadline, tracking link and unsubscribe link follow in every email.
        </Text>
        {Object.keys(templates).map((kind) => (
          <BlockStack gap="200" key={kind}>
            <TextInput
              form={form}
              name={`templates.${kind}.subject`}
              label={`${KIND_LABELS[kind] ?? kind}: subject`}
            />
            <TextInput form={form} name={`templates.${kind}.intro`} label="Opening paragraph" multiline={3} />
          </BlockStack>
        ))}
        <SaveButton saving={saving} />
      </FormLayout>
    </Form>
  );
}
