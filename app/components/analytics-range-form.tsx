import { Form, useSubmit } from "@remix-run/react";
import { Button, InlineStack, Select, TextField } from "@shopify/polaris";
import { useState } from "react";

export interface RangeValue {
  key: "7" | "30" | "90" | "all" | "custom";
  fromDay: string;
  toDay: string;
}

const OPTIONS = [
  { label: "Last 7 days", value: "7" },
  { label: "Last 30 days", value: "30" },
  { label: "Last 90 days", value: "90" },
  { label: "All time", value: "all" },
  { label: "Custom range", value: "custom" },
];

/**
 * The home analytics' date range (a GET form, so the range stays in the URL: `?range=7|30|90|all|custom&from&to`).
 * A preset reloads at once; a custom range once both days are set and applied.
 */
export function AnalyticsRangeForm({ range }: { range: RangeValue }) {
  const submit = useSubmit();
  const [key, setKey] = useState<string>(range.key);
  const [from, setFrom] = useState(range.fromDay);
  const [to, setTo] = useState(range.toDay);
  return (
    <Form method="get" id="analytics-range">
      <InlineStack gap="300" blockAlign="end">
        <Select
          label="Date range"
          name="range"
          value={key}
          options={OPTIONS}
          onChange={(value) => {
            setKey(value);
            if (value !== "custom") submit({ range: value }, { method: "get" });
          }}
        />
        {key === "custom" ? (
          <>
            <TextField
              label="From"
              type="date"
              name="from"
              value={from}
              onChange={setFrom}
              autoComplete="off"
            />
            <TextField label="To" type="date" name="to" value={to} onChange={setTo} autoComplete="off" />
            <Button submit>Apply</Button>
          </>
        ) : null}
      </InlineStack>
    </Form>
  );
}
