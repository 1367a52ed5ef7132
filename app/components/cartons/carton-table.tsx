import { Badge, Button, IndexTable, InlineStack, Text } from "@shopify/polaris";
import { unitLabel } from "../../services/admin/units";
import type { UnitsForm } from "../../contracts/admin-forms";

type CartonRow = {
  id: string;
  key: string;
  name: string;
  length: number;
  width: number;
  height: number;
  tareWeight: number;
  maxWeight: number;
  active: boolean;
  warehouseNames: string[];
  warning: string | null;
};

/** The shop's cartons with Edit / Deactivate / Delete per row and a warning for one that holds no product. */
export function CartonTable({
  cartons,
  units,
  onEdit,
  onToggle,
  onDelete,
}: {
  cartons: CartonRow[];
  units: UnitsForm;
  onEdit: (id: string) => void;
  onToggle: (id: string, active: boolean) => void;
  onDelete: (id: string) => void;
}) {
  const [d, w] = [unitLabel[units.dimensionUnit], unitLabel[units.weightUnit]];
  return (
    <IndexTable
      resourceName={{ singular: "carton", plural: "cartons" }}
      itemCount={cartons.length}
      selectable={false}
      headings={[
        { title: "Carton" },
        { title: `Inner size (${d})` },
        { title: `Empty · max (${w})` },
        { title: "Warehouses" },
        { title: "Status" },
        { title: "" },
      ]}
    >
      {cartons.map((c, index) => (
        <IndexTable.Row id={c.id} key={c.id} position={index}>
          <IndexTable.Cell>
            <Text as="span" fontWeight="semibold">
              {c.name}
            </Text>
            <Text as="p" tone="subdued" variant="bodySm">
              {c.key}
            </Text>
            {c.warning ? (
              <Text as="p" tone="caution" variant="bodySm">
                {`Warning: ${c.warning}`}
              </Text>
            ) : null}
          </IndexTable.Cell>
          <IndexTable.Cell>{`${c.length} × ${c.width} × ${c.height}`}</IndexTable.Cell>
          <IndexTable.Cell>{`${c.tareWeight} · ${c.maxWeight}`}</IndexTable.Cell>
          <IndexTable.Cell>
            {c.warehouseNames.length > 0 ? c.warehouseNames.join(", ") : "All"}
          </IndexTable.Cell>
          <IndexTable.Cell>
            {c.active ? <Badge tone="success">In use</Badge> : <Badge>Inactive</Badge>}
          </IndexTable.Cell>
          <IndexTable.Cell>
            <InlineStack gap="200" wrap={false}>
              <Button variant="plain" onClick={() => onEdit(c.id)}>
                Edit
              </Button>
              <Button variant="plain" onClick={() => onToggle(c.id, !c.active)}>
                {c.active ? "Deactivate" : "Reactivate"}
              </Button>
              <Button variant="plain" tone="critical" onClick={() => onDelete(c.id)}>
                Delete
              </Button>
            </InlineStack>
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
