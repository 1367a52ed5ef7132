import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, BlockStack, Card, IndexTable, Link, Page, Text } from "@shopify/polaris";
import { FREIGHT_LEVEL_LABELS, MODE_LABELS } from "../components/delivery-labels";
import { ErrorsBanner } from "../components/errors-banner";
import { useActionToast } from "../components/use-action-toast";
import { AddFromLocationsCard } from "../components/warehouses/add-from-locations-card";
import type { FreightLevel } from "../engine/types";
import { adminContext } from "../services/admin/admin-context.server";
import { statusOf } from "../services/admin/form-data";
import {
  createWarehousesFromLocations,
  locationChoices,
} from "../services/admin/warehouses-from-locations.server";
import { listWarehouses } from "../services/admin/warehouses.server";
import { EmptyNote } from "../components/empty-note";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop, graphql } = await adminContext(request);
  const [warehouses, locations] = await Promise.all([
    listWarehouses(db, shop),
    locationChoices(db, shop, graphql),
  ]);
  return { warehouses, locations };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop, graphql } = await adminContext(request);
  const form = await request.formData();
  if (form.get("intent") !== "from-locations") return json({ error: "Unknown intent" }, { status: 400 });
  const result = await createWarehousesFromLocations(db, shop, graphql, form);
  return json(result, { status: statusOf(result) });
};

const MODE_COLUMNS = [
  ["offersExpressParcel", "EXPRESS_PARCEL"],
  ["offersPostal", "POSTAL"],
  ["offersFreight", "FREIGHT"],
] as const;

const levelLabel = (level: string) => FREIGHT_LEVEL_LABELS[level as FreightLevel]?.short ?? level;

export default function Warehouses() {
  const { warehouses, locations } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  useActionToast(data);
  return (
    <Page title="Warehouses" primaryAction={{ content: "Add warehouse", url: "/app/warehouses/new" }}>
      <BlockStack gap="400">
        <ErrorsBanner data={data} />
        <Card padding="0">
          {warehouses.length === 0 ? (
            <EmptyNote
              heading="Add the warehouses you ship from"
              action={{ content: "Add warehouse", url: "/app/warehouses/new" }}
            >
              <p>Tailroute picks the warehouse for each order from these, by distance, stock and cost.</p>
            </EmptyNote>
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
        <AddFromLocationsCard
          choices={locations.choices}
          error={locations.error}
          actionData={data}
          saving={saving}
        />
      </BlockStack>
    </Page>
  );
}
