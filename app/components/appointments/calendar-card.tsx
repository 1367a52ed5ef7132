import { Form } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, Checkbox, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";

export interface CalendarCardProps {
  warehouse: { key: string; name: string; active: boolean };
  hasCalendar: boolean;
  bookedFromToday: number;
  values: {
    warehouseKey: string;
    partnerName: string;
    timeZone: string;
    regions: string;
    windows: string;
    blackoutDates: string;
    horizonDays: string;
    changeCutoffHours: string;
    active: boolean;
  };
  /** The action's field errors when this card was the one saved. */
  errors: Record<string, string>;
  saving: boolean;
}

/** One freight warehouse's delivery calendar: regions and their days, windows and seats, blackouts, cut-off. */
export function CalendarCard({
  warehouse,
  hasCalendar,
  bookedFromToday,
  values,
  errors,
  saving,
}: CalendarCardProps) {
  const [v, setV] = useState(values);
  const field = (name: Exclude<keyof typeof values, "active" | "warehouseKey">) => ({
    name,
    value: v[name],
    onChange: (value: string) => setV({ ...v, [name]: value }),
    error: errors[name],
    autoComplete: "off",
  });
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="warehouseKey" value={v.warehouseKey} />
        <BlockStack gap="300">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h2" variant="headingMd">
              {warehouse.name}
            </Text>
            {hasCalendar ? (
              <Badge tone={v.active ? "success" : undefined}>{v.active ? "Taking bookings" : "Paused"}</Badge>
            ) : (
              <Badge>No calendar yet</Badge>
            )}
            {hasCalendar && (
              <Text
                as="span"
                tone="subdued"
              >{`${bookedFromToday} ${bookedFromToday === 1 ? "delivery" : "deliveries"} booked from today`}</Text>
            )}
          </InlineStack>
          <InlineStack gap="300" wrap={false}>
            <TextField
              label="Delivered by (final-mile partner)"
              placeholder="The warehouse's own crew"
              {...field("partnerName")}
            />
            <TextField label="Time zone" helpText="IANA name, e.g. America/Chicago" {...field("timeZone")} />
          </InlineStack>
          <TextField
            label="Regions and delivery days"
            multiline={3}
            helpText='One region per line: "Name: states or ZIP3 prefixes; days", e.g. "Dallas–Fort Worth: 750, 751, 760; Mon-Fri". A ZIP3 match wins over a state.'
            {...field("regions")}
          />
          <TextField
            label="Windows and deliveries per window"
            multiline={2}
            helpText='One window per line: "start-end deliveries", e.g. "08:00-12:00 4".'
            {...field("windows")}
          />
          <TextField
            label="Blackout dates"
            helpText="No deliveries on these days (YYYY-MM-DD, comma-separated)."
            {...field("blackoutDates")}
          />
          <InlineStack gap="300" wrap={false}>
            <TextField
              label="Bookable days ahead"
              type="number"
              helpText="From the first day the delivery promise allows."
              {...field("horizonDays")}
            />
            <TextField
              label="Change cut-off (hours)"
              type="number"
              helpText="Buyers can change a booking until this long before its window."
              {...field("changeCutoffHours")}
            />
          </InlineStack>
          <Checkbox label="Take bookings" checked={v.active} onChange={(active) => setV({ ...v, active })} />
          <input type="hidden" name="active" value={v.active ? "true" : "false"} />
          {errors.form && (
            <Text as="p" tone="critical">
              {errors.form}
            </Text>
          )}
          <InlineStack align="end">
            <Button submit variant="primary" loading={saving}>
              Save calendar
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}
