import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, Card, EmptyState, IndexTable, Link, Page, Text } from "@shopify/polaris";
import { FREIGHT_LEVEL_LABELS, MODE_LABELS } from "../components/delivery-labels";
import type { FreightLevel } from "../engine/types";
import { adminContext } from "../services/admin/admin-context.server";
import { listWarehouses } from "../services/admin/warehouses.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  return { warehouses: await listWarehouses(db, shop) };
};

const MODE_COLUMNS = [
  ["offersExpressParcel", "EXPRESS_PARCEL"],
  ["offersPostal", "POSTAL"],
  ["offersFreight", "FREIGHT"],
] as const;

const levelLabel = (level: string) => FREIGHT_LEVEL_LABELS[level as FreightLevel]?.short ?? level;

export default function Warehouses() {
  const { warehouses } = useLoaderData<typeof loader>();
  return (
    <Page title="Warehouses" primaryAction={{ content: "Add warehouse", url: "/app/warehouses/new" }}>
      <Card padding="0">
        {warehouses.length === 0 ? (
          <EmptyState
            heading="Add the warehouses you ship from"
            action={{ content: "Add warehouse", url: "/app/warehouses/new" }}
            image=""
          >
            <p>Tailroute picks the warehouse for each order from these, by distance, stock and cost.</p>
          </EmptyState>
        ) : (
          <IndexTable
            resourceName={{ singular: "warehouse", plural: "warehouses" }}
            itemCount={warehouses.length}
            selectable={false}
            headings={[
              { title: "Warehouse" },
              { title: "Location" },
              { title: "Cutoff" },
              { title: "Modes" },
              { title: "Shopify location" },
              { title: "Status" },
            ]}
          >
            {warehouses.map((w, index) => (
              <IndexTable.Row id={w.id} key={w.id} position={index}>
                <IndexTable.Cell>
                  <Link url={`/app/warehouses/${w.id}`} removeUnderline>
                    <Text as="span" fontWeight="semibold">
                      {w.name}
                    </Text>
                  </Link>
                </IndexTable.Cell>
                <IndexTable.Cell>{`${w.city}, ${w.province} ${w.zip}`}</IndexTable.Cell>
                <IndexTable.Cell>{`${w.cutoffLocalTime} · ${w.handlingDays}d handling`}</IndexTable.Cell>
                <IndexTable.Cell>
                  {MODE_COLUMNS.filter(([column]) => w[column])
                    .map(([column, mode]) =>
                      column === "offersFreight" && Array.isArray(w.freightLevels)
                        ? `${MODE_LABELS[mode]} (${(w.freightLevels as string[]).map(levelLabel).join(", ")})`
                        : MODE_LABELS[mode],
                    )
                    .join(", ")}
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {w.shopifyLocationId ? (
                    <Badge tone="success">Linked</Badge>
                  ) : (
                    <Badge tone="warning">Not linked</Badge>
                  )}
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {w.active ? <Badge tone="success">Active</Badge> : <Badge>Inactive</Badge>}
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
      </Card>
    </Page>
  );
}
