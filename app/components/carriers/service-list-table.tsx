import { Badge, IndexTable, Link, Text } from "@shopify/polaris";
import type { DeliveryMode } from "../../engine/types";
import { formatMoney } from "../../format";
import { MODE_LABELS } from "../delivery-labels";

type ServiceRow = {
  id: string;
  code: string;
  carrier: string;
  name: string;
  mode: string;
  tier: string;
  enabled: boolean;
  fuelPercent: number;
  markup: { percent: number; fixedCents: number } | null;
  rateCard: { name: string; isSample: boolean } | null;
  warehouses: string[];
  cannotQuote: string | null;
};

/** This shop's carrier services, each saying whether it can quote at checkout and, if not, why. */
export function ServiceListTable({ services }: { services: ServiceRow[] }) {
  return (
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
        { title: "Quotes at checkout" },
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
            {s.cannotQuote ? (
              <>
                <Badge tone={s.enabled ? "attention" : undefined}>{s.enabled ? "Not yet" : "Disabled"}</Badge>
                <Text as="p" tone="subdued" variant="bodySm">
                  {s.cannotQuote}
                </Text>
              </>
            ) : (
              <Badge tone="success">Yes</Badge>
            )}
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
