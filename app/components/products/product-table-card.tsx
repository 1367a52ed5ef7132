import { useFetcher, useSearchParams } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  IndexTable,
  InlineStack,
  List,
  Text,
  TextField,
  useIndexResourceState,
} from "@shopify/polaris";
import { useEffect, useState, type ReactNode } from "react";
import type { ProductTable, ProductTableFilters } from "../../services/admin/product-table.server";
import type { Units } from "../../services/admin/units";
import { unitLabel } from "../../services/admin/units";
import { useActionToast } from "../use-action-toast";
import { BulkDimensionsForm } from "./bulk-dimensions-form";
import { PRODUCT_FLAG_LABELS } from "./product-flags";
import { draftOf, type ProductRowDraft } from "./product-row-draft";
import { ProductTableFiltersForm } from "./product-table-filters";
import { EmptyNote } from "../empty-note";

type Answer = { ok: true; message: string } | { ok: false; errors: Record<string, string> };

// Clicks inside an inline field must not toggle the row's selection.
const Inline = ({ children }: { children: ReactNode }) => (
  <div onClick={(event) => event.stopPropagation()}>{children}</div>
);

/**
 * The shop's products, 50 a page: lengths and flags edited inline (Save sends the changed rows together), bulk
 * actions on the selected rows, Shopify's weight shown read-only. Errors name the row and field; nothing is saved.
 */
export function ProductTableCard({
  table,
  filters,
  units,
}: {
  table: ProductTable;
  filters: ProductTableFilters;
  units: Units;
}) {
  const saver = useFetcher<Answer>();
  const [, setParams] = useSearchParams();
  const goTo = (page: number) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set("page", String(page));
      return next;
    });
  useActionToast(saver.data);
  const [drafts, setDrafts] = useState<Record<string, ProductRowDraft>>({});
  const [bulkDimensions, setBulkDimensions] = useState(false);
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } =
    useIndexResourceState(table.rows.map((r) => ({ id: r.variantId })));
  useEffect(() => {
    if (saver.state === "idle" && saver.data?.ok) {
      setDrafts({});
      setBulkDimensions(false);
      clearSelection();
    }
  }, [saver.state, saver.data, clearSelection]);
  const errors = saver.data && !saver.data.ok ? saver.data.errors : {};
  const rowOf = (variantId: string) => {
    const row = table.rows.find((r) => r.variantId === variantId)!;
    return drafts[variantId] ?? draftOf(row);
  };
  const edit = (variantId: string, change: Partial<ProductRowDraft>) =>
    setDrafts((d) => ({ ...d, [variantId]: { ...rowOf(variantId), ...change } }));
  const changed = Object.values(drafts);
  const selected = allResourcesSelected ? table.rows.map((r) => r.variantId) : selectedResources;
  // One `variantIds` field per selected row, as the action reads them (form.getAll): submitting an array inside a
  // plain object would send them as one comma-joined value, and no row would match.
  const bulk = (fields: Record<string, string>) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    for (const variantId of selected) body.append("variantIds", variantId);
    saver.submit(body, { method: "post" });
  };
  const dim = unitLabel[units.dimensionUnit];
  return (
    <Card padding="0">
      <BlockStack gap="0">
        <div style={{ padding: 12 }}>
          <BlockStack gap="300">
            <ProductTableFiltersForm filters={filters} />
            {Object.keys(errors).length > 0 ? (
              <Banner tone="critical" title="Nothing was saved">
                <List>
                  {Object.entries(errors)
                    .slice(0, 20)
                    .map(([path, message]) => (
                      <List.Item key={path}>{message}</List.Item>
                    ))}
                </List>
              </Banner>
            ) : null}
            {bulkDimensions ? (
              <BulkDimensionsForm
                count={selected.length}
                unit={dim}
                errors={errors}
                saving={saver.state !== "idle"}
                onApply={(lengths) => bulk({ intent: "bulk-dimensions", ...lengths })}
                onCancel={() => setBulkDimensions(false)}
              />
            ) : null}
            {changed.length > 0 ? (
              <InlineStack gap="200" blockAlign="center">
                <Text as="span">{`${changed.length} changed row${changed.length === 1 ? "" : "s"}`}</Text>
                <Button
                  variant="primary"
                  loading={saver.state !== "idle"}
                  onClick={() =>
                    saver.submit({ intent: "rows", rows: JSON.stringify(changed) }, { method: "post" })
                  }
                >
                  Save changes
                </Button>
                <Button onClick={() => setDrafts({})}>Discard</Button>
              </InlineStack>
            ) : null}
          </BlockStack>
        </div>
        {table.rows.length === 0 ? (
          <EmptyNote heading="No products match">
            <p>Change the search or the filter, or read the catalogue from Shopify again.</p>
          </EmptyNote>
        ) : (
          <IndexTable
            resourceName={{ singular: "product", plural: "products" }}
            itemCount={table.rows.length}
            selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
            onSelectionChange={handleSelectionChange}
            promotedBulkActions={[{ content: "Set dimensions", onAction: () => setBulkDimensions(true) }]}
            bulkActions={PRODUCT_FLAG_LABELS.flatMap(([flag, label]) => [
              {
                content: `Mark ${label.toLowerCase()}`,
                onAction: () => bulk({ intent: "bulk-flags", flag, value: "true" }),
              },
              {
                content: `Unmark ${label.toLowerCase()}`,
                onAction: () => bulk({ intent: "bulk-flags", flag, value: "false" }),
              },
            ])}
            headings={[
              { title: "Product" },
              { title: `Length × width × height (${dim})` },
              { title: `Weight (${unitLabel[units.weightUnit]})` },
              ...PRODUCT_FLAG_LABELS.map(([, label]) => ({ title: label })),
            ]}
            pagination={{
              hasPrevious: table.page > 1,
              hasNext: table.page < table.pages,
              onPrevious: () => goTo(table.page - 1),
              onNext: () => goTo(table.page + 1),
              label: `${table.total} product${table.total === 1 ? "" : "s"} · page ${table.page} of ${table.pages}`,
            }}
          >
            {table.rows.map((row, index) => {
              const draft = rowOf(row.variantId);
              const lengthField = (name: "length" | "width" | "height") => (
                <TextField
                  label={`${name} of ${row.title}`}
                  labelHidden
                  autoComplete="off"
                  inputMode="decimal"
                  size="slim"
                  value={draft[name]}
                  placeholder={name[0].toUpperCase()}
                  error={errors[`${row.variantId}.${name}`] ? true : undefined}
                  onChange={(value) => edit(row.variantId, { [name]: value })}
                />
              );
              return (
                <IndexTable.Row
                  id={row.variantId}
                  key={row.variantId}
                  position={index}
                  selected={allResourcesSelected || selectedResources.includes(row.variantId)}
                  tone={drafts[row.variantId] ? "subdued" : undefined}
                >
                  <IndexTable.Cell>
                    <Text as="span" fontWeight="semibold">
                      {row.title}
                    </Text>
                    <InlineStack gap="100">
                      <Text as="span" variant="bodySm" tone="subdued">
                        {row.sku ? `SKU ${row.sku}` : `Variant ${row.variantId}`}
                      </Text>
                      {row.dimensions ? null : <Badge tone="attention">Default box</Badge>}
                      {row.inShopify ? null : <Badge>Not in Shopify</Badge>}
                    </InlineStack>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Inline>
                      <InlineStack gap="100" wrap={false} blockAlign="center">
                        <div style={{ width: 72 }}>{lengthField("length")}</div>×
                        <div style={{ width: 72 }}>{lengthField("width")}</div>×
                        <div style={{ width: 72 }}>{lengthField("height")}</div>
                      </InlineStack>
                    </Inline>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{row.weight ?? "—"}</IndexTable.Cell>
                  {PRODUCT_FLAG_LABELS.map(([flag, label]) => (
                    <IndexTable.Cell key={flag}>
                      <Inline>
                        <Checkbox
                          label={`${label}: ${row.title}`}
                          labelHidden
                          checked={draft[flag]}
                          onChange={(checked) => edit(row.variantId, { [flag]: checked })}
                        />
                      </Inline>
                    </IndexTable.Cell>
                  ))}
                </IndexTable.Row>
              );
            })}
          </IndexTable>
        )}
      </BlockStack>
    </Card>
  );
}
