import { Form, useSubmit } from "@remix-run/react";
import { InlineStack, Select, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { ProductTableFilters } from "../../services/admin/product-table.server";

/** Search (name or SKU, on Enter) and the "missing dimensions" filter (on change), as URL parameters. */
export function ProductTableFiltersForm({ filters }: { filters: ProductTableFilters }) {
  const submit = useSubmit();
  const [search, setSearch] = useState(filters.q);
  return (
    <Form
      method="get"
      onChange={(event) => (event.target as HTMLElement).tagName === "SELECT" && submit(event.currentTarget)}
    >
      <InlineStack gap="300" blockAlign="end">
        <div style={{ minWidth: 280 }}>
          <TextField
            label="Search products"
            name="q"
            value={search}
            onChange={setSearch}
            autoComplete="off"
            placeholder="Name or SKU (Enter)"
          />
        </div>
        <Select
          label="Show"
          name="missing"
          value={filters.missing ? "1" : ""}
          options={[
            { label: "All products", value: "" },
            { label: "Missing dimensions", value: "1" },
          ]}
        />
      </InlineStack>
    </Form>
  );
}
