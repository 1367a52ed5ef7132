import { Badge, Button, Card, IndexTable, InlineStack, Text } from "@shopify/polaris";
import type { Units } from "../services/admin/units";
import { unitLabel } from "../services/admin/units";

/** The handling flags of a product profile, with their labels. */
export const PRODUCT_FLAGS = [
  ["fragile", "Fragile"],
  ["valuable", "Valuable"],
  ["coldChain", "Cold chain"],
  ["bulky", "Bulky (freight only)"],
  ["shipAlone", "Ships alone"],
] as const;

export interface ProfileRow {
  variantId: string | null;
  sku: string | null;
  name: string;
  length: number;
  width: number;
  height: number;
  weight: number | null;
  fragile: boolean;
  valuable: boolean;
  coldChain: boolean;
  bulky: boolean;
  shipAlone: boolean;
}

const FLAGS = PRODUCT_FLAGS;

/** The shop's product profiles in its display units, with Edit / Remove per variant. */
export function ProductProfileTable({
  profiles,
  units,
  onEdit,
  onRemove,
}: {
  profiles: ProfileRow[];
  units: Units;
  onEdit: (variantId: string) => void;
  onRemove: (variantId: string) => void;
}) {
  const dim = unitLabel[units.dimensionUnit];
  const wt = unitLabel[units.weightUnit];
  return (
    <Card padding="0">
      {profiles.length === 0 ? (
        <div style={{ padding: 16 }}>
          <Text as="p" tone="subdued">
            No product dimensions yet: every item is rated as the default box. Add dimensions here or import a
            CSV.
          </Text>
        </div>
      ) : (
        <IndexTable
          resourceName={{ singular: "product", plural: "products" }}
          itemCount={profiles.length}
          selectable={false}
          headings={[
            { title: "Product" },
            { title: `Size (${dim})` },
            { title: `Weight (${wt})` },
            { title: "Flags" },
            { title: "" },
          ]}
        >
          {profiles.map((p, index) => (
            <IndexTable.Row id={p.variantId ?? p.name} key={p.variantId ?? p.sku ?? p.name} position={index}>
              <IndexTable.Cell>
                <Text as="span" fontWeight="semibold">
                  {p.name}
                </Text>
                <Text as="p" variant="bodySm" tone="subdued">
                  {p.variantId ? `Variant ${p.variantId}` : `SKU ${p.sku}`}
                </Text>
              </IndexTable.Cell>
              <IndexTable.Cell>{`${p.length} × ${p.width} × ${p.height}`}</IndexTable.Cell>
              <IndexTable.Cell>{p.weight ?? "from Shopify"}</IndexTable.Cell>
              <IndexTable.Cell>
                <InlineStack gap="100">
                  {FLAGS.filter(([key]) => p[key]).map(([key, label]) => (
                    <Badge key={key}>{label}</Badge>
                  ))}
                </InlineStack>
              </IndexTable.Cell>
              <IndexTable.Cell>
                {p.variantId ? (
                  <InlineStack gap="200" wrap={false}>
                    <Button variant="plain" onClick={() => onEdit(p.variantId!)}>
                      Edit
                    </Button>
                    <Button variant="plain" tone="critical" onClick={() => onRemove(p.variantId!)}>
                      Remove
                    </Button>
                  </InlineStack>
                ) : null}
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      )}
    </Card>
  );
}
