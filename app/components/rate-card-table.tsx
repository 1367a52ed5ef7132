import { BlockStack, DataTable, Text } from "@shopify/polaris";
import { formatMoney } from "../format";
import { rateCardSize } from "../format/rate-card-size";
import type { RateCard } from "../engine/types";

/**
 * Preview of a rate card: the first weight breaks × zones in dollars, or for an LTL class tariff its first
 * class × lane rows in dollars per hundredweight at each weight break.
 */
export function RateCardTable({
  card,
  rows = 8,
}: {
  card: Pick<RateCard, "zones" | "breaks" | "ltl">;
  rows?: number;
}) {
  const ltl = card.ltl;
  const total = ltl ? ltl.rows.length : card.breaks.length;
  return (
    <BlockStack gap="100">
      <Text as="p" variant="bodySm">
        {`Preview: ${rateCardSize(card)}`}
      </Text>
      {ltl ? (
        <DataTable
          columnContentTypes={["numeric", "text", ...ltl.breaksFromLb.map(() => "numeric" as const)]}
          headings={["Class", "Lane", ...ltl.breaksFromLb.map((lb) => `${lb}+ lb /cwt`)]}
          rows={ltl.rows
            .slice(0, rows)
            .map((r) => [
              r.freightClass,
              r.destZip3 ? `ZIP3 ${r.destZip3}` : `Z${r.zone}`,
              ...r.centsPerCwt.map((c) => formatMoney(c)),
            ])}
          increasedTableDensity
        />
      ) : (
        <DataTable
          columnContentTypes={["numeric", ...card.zones.map(() => "numeric" as const)]}
          headings={["≤ lb", ...card.zones.map((z) => `Z${z}`)]}
          rows={card.breaks.slice(0, rows).map((b) => [b.maxLb, ...b.cents.map((c) => formatMoney(c))])}
          increasedTableDensity
        />
      )}
      {total > rows ? (
        <Text as="p" variant="bodySm" tone="subdued">
          {`…and ${total - rows} more ${ltl ? "rows" : "breaks"}`}
        </Text>
      ) : null}
    </BlockStack>
  );
}
