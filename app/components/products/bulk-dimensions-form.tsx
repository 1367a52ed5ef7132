import { Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";

/** The same length × width × height for every selected row (a bulk action). */
export function BulkDimensionsForm({
  count,
  unit,
  errors,
  saving,
  onApply,
  onCancel,
}: {
  count: number;
  unit: string;
  errors: Record<string, string>;
  saving: boolean;
  onApply: (lengths: { length: string; width: string; height: string }) => void;
  onCancel: () => void;
}) {
  const [lengths, setLengths] = useState({ length: "", width: "", height: "" });
  const field = (name: keyof typeof lengths) => (
    <TextField
      label={`${name[0].toUpperCase()}${name.slice(1)} (${unit})`}
      autoComplete="off"
      inputMode="decimal"
      value={lengths[name]}
      error={errors[name]}
      onChange={(value) => setLengths((l) => ({ ...l, [name]: value }))}
    />
  );
  return (
    <Card background="bg-surface-secondary">
      <InlineStack gap="300" blockAlign="end">
        <Text as="p">{`Same dimensions for ${count} selected product${count === 1 ? "" : "s"}`}</Text>
        {field("length")}
        {field("width")}
        {field("height")}
        <Button variant="primary" loading={saving} disabled={count === 0} onClick={() => onApply(lengths)}>
          Apply
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </InlineStack>
    </Card>
  );
}
