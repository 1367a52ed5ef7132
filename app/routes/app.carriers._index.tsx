import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, Card, EmptyState, IndexTable, Link, Page, Text } from "@shopify/polaris";
import { MODE_LABELS } from "../components/delivery-labels";
import type { DeliveryMode } from "../engine/types";
import { formatMoney } from "../format";
import { adminContext } from "../services/admin/admin-context.server";
import { listCarrierServices } from "../services/admin/carriers.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  return { services: await listCarrierServices(db, shop) };
};

export default function Carriers() {
  const { services } = useLoaderData<typeof loader>();
  return (
    <Page
      title="Carriers & services"
      subtitle="Which services each warehouse ships with, their limits, surcharges and rate cards"
    >
      <Card padding="0">
        {services.length === 0 ? (
          <EmptyState heading="No carrier services yet" image="">
            <p>Import a configuration in Settings to add carrier services with their rate cards.</p>
          </EmptyState>
        ) : (
          <IndexTable
            resourceName={{ singular: "service", plural: "services" }}
            itemCount={services.length}
            selectable={false}
            headings={[
              { title: "Service" },
              { title: "Mode · tier" },
              { title: "Rate card" },
              { title: "Warehouses" },
              { title: "Fuel" },
              { title: "Markup" },
              { title: "Status" },
            ]}
          >
            {services.map((s, index) => (
              <IndexTable.Row id={s.id} key={s.id} position={index}>
                <IndexTable.Cell>
                  <Link url={`/app/carriers/${s.id}`} removeUnderline>
                    <Text as="span" fontWeight="semibold">
                      {s.name}
                    </Text>
                  </Link>
                  <Text as="p" tone="subdued" variant="bodySm">
                    {`${s.carrier} · ${s.code}`}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="p">{MODE_LABELS[s.mode as DeliveryMode] ?? s.mode}</Text>
                  <Text as="p" tone="subdued" variant="bodySm">
                    {s.tier.toLowerCase()}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {s.rateCard ? (
                    <>{s.rateCard.isSample ? <Badge tone="info">Sample</Badge> : s.rateCard.name}</>
                  ) : (
                    <Badge tone="critical">No rate card</Badge>
                  )}
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {s.warehouses.length > 0 ? s.warehouses.join(", ") : "All offering its mode"}
                </IndexTable.Cell>
                <IndexTable.Cell>{`${s.fuelPercent}%`}</IndexTable.Cell>
                <IndexTable.Cell>
                  {s.markup ? (
                    `${s.markup.percent}% + ${formatMoney(s.markup.fixedCents)}`
                  ) : (
                    <Text as="span" tone="subdued">
                      Shop&apos;s
                    </Text>
                  )}
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {s.enabled ? <Badge tone="success">Enabled</Badge> : <Badge>Disabled</Badge>}
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
      </Card>
    </Page>
  );
}
