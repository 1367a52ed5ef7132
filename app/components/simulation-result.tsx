import { Badge, Banner, BlockStack, Card, DataTable, InlineStack, List, Text } from "@shopify/polaris";
import { formatMoney } from "../format";
import { serviceLabel } from "../format/service-label";
import type { simulateRates } from "../services/admin/simulator.server";

type Result = Extract<Awaited<ReturnType<typeof simulateRates>>, { ok: true }>;

/** The simulator's answer: the checkout rates, then why each tier is priced and routed as it is. */
export function SimulationResult({ result }: { result: Result }) {
  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            Rates at checkout
          </Text>
          {result.rates.length === 0 ? (
            <Banner
              tone="warning"
              title="No rates: checkout would show no Tailroute shipping for this cart"
            />
          ) : (
            <DataTable
              columnContentTypes={["text", "text", "numeric", "text"]}
              headings={["Service", "Code", "Price", "Delivery"]}
              rows={result.rates.map((r) => [
                r.service_name,
                r.service_code,
                formatMoney(Number(r.total_price)),
                r.description ?? "",
              ])}
            />
          )}
          {result.issues.length > 0 ? (
            <List>
              {result.issues.map((i, n) => (
                <List.Item key={n}>{`${i.code}: ${i.message}`}</List.Item>
              ))}
            </List>
          ) : null}
        </BlockStack>
      </Card>
      {result.explain.map((q) => (
        <Card key={q.service_code}>
          <BlockStack gap="200">
            <InlineStack gap="200">
              <Text as="h3" variant="headingSm">
                {`Why ${q.service_code}`}
              </Text>
              <Badge>{q.mode}</Badge>
            </InlineStack>
            {q.shipments.map((s, n) => (
              <Text as="p" key={n}>
                <Badge tone={s.price_source === "LIVE" ? "success" : undefined}>
                  {s.price_source === "LIVE" ? "LIVE" : "RATE_CARD"}
                </Badge>{" "}
                {"live_miss" in s && s.live_miss ? `(live price not used: ${s.live_miss}) ` : ""}
                {`From ${result.warehouseNames[s.warehouse] ?? s.warehouse} by ${serviceLabel(s.carrier, s.service)}, zone ${s.zone}: ${s.packages.length} package(s) (${s.packages.map((p) => `${p.lengthIn}×${p.widthIn}×${p.heightIn} in, billable ${p.billableLb} lb`).join("; ")}), base ${formatMoney(s.baseCents)}${s.surcharges.length ? `, surcharges ${s.surcharges.map((x) => `${x.code} ${formatMoney(x.amountCents)}`).join(", ")}` : ""}, ${s.transitDays.min}–${s.transitDays.max} business days`}
              </Text>
            ))}
            <List>
              {q.reasons.map((reason, n) => (
                <List.Item key={n}>{reason}</List.Item>
              ))}
            </List>
          </BlockStack>
        </Card>
      ))}
    </BlockStack>
  );
}
