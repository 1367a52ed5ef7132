import { Form, useSubmit } from "@remix-run/react";
import { InlineStack, Select } from "@shopify/polaris";
import type { OrderFilters } from "../../contracts/admin-forms";
import { DeliveryModeSchema } from "../../contracts/shop-config";
import { STATUS_TONE } from "../decision-status";
import { MODE_LABELS } from "../delivery-labels";
import { choicesFrom, type Choice } from "../form-kit";

const ANY: Choice = { label: "Any", value: "" };

/** The order log's filters; changing one reloads the list (a GET form, so the filters stay in the URL). */
export function OrderFiltersForm({ filters, warehouses }: { filters: OrderFilters; warehouses: Choice[] }) {
  const submit = useSubmit();
  return (
    <div style={{ padding: 12 }}>
      <Form method="get" onChange={(event) => submit(event.currentTarget)}>
        <InlineStack gap="300">
          <Select
            label="Status"
            name="status"
            value={filters.status ?? ""}
            options={choicesFrom(
              Object.keys(STATUS_TONE),
              (s) => s,
              (s) => s,
              { first: [ANY] },
            )}
          />
          <Select
            label="Warehouse"
            name="warehouse"
            value={filters.warehouse ?? ""}
            options={[ANY, ...warehouses]}
          />
          <Select
            label="Mode"
            name="mode"
            value={filters.mode ?? ""}
            options={choicesFrom(
              DeliveryModeSchema.options,
              (m) => MODE_LABELS[m],
              (m) => m,
              { first: [ANY] },
            )}
          />
        </InlineStack>
      </Form>
    </div>
  );
}
