import { BlockStack, DataTable, Text } from "@shopify/polaris";
import { formatMoney } from "../format";
import type { RateCard } from "../engine/types";

/** Preview of a rate card: the first weight breaks × zones, in dollars. */
export function RateCardTable({
  card,
  rows = 8,
}: {
  card: Pick<RateCard, "zones" | "breaks">;
  rows?: number;
}) {
  return (
    <BlockStack gap="100">
      <Text as="p" variant="bodySm">
        {`Preview: ${card.breaks.length} weight breaks × ${card.zones.length} zones`}
      </Text>
      <DataTable
        columnContentTypes={["numeric", ...card.zones.map(() => "numeric" as const)]}
        headings={["≤ lb", ...card.zones.map((z) => `Z${z}`)]}
        rows={card.breaks.slice(0, rows).map((b) => [b.maxLb, ...b.cents.map((c) => formatMoney(c))])}
        increasedTableDensity
      />
      {card.breaks.length > rows ? (
        <Text as="p" variant="bodySm" tone="subdued">
          {`…and ${card.breaks.length - rows} more breaks`}
        </Text>
      ) : null}
    </BlockStack>
  );
}
