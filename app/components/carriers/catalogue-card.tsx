import { Badge, BlockStack, Card, InlineStack, Link, List, Text } from "@shopify/polaris";

const SURCHARGE_NAMES: Record<string, string> = {
  RESIDENTIAL: "Residential",
  DELIVERY_AREA: "Delivery area (DAS)",
  EXTENDED_DELIVERY_AREA: "Extended delivery area",
  REMOTE_AREA: "Remote area",
  ADDITIONAL_HANDLING: "Additional handling",
  LARGE_PACKAGE: "Large package / oversize",
  PEAK: "Peak / demand",
  FUEL: "Fuel",
  LIFTGATE: "Liftgate",
  APPOINTMENT: "Appointment",
  INSIDE_DELIVERY: "Inside delivery / room of choice",
  WHITE_GLOVE: "White glove",
};

type CatalogueSummary = {
  name: string;
  template: boolean;
  surcharges: string[];
  pickup: string;
  poBox: boolean;
  military: boolean;
  sources: string[];
  unverified: number;
  figures: number;
};

/** Why a service cannot quote yet (or that it can), and what the built-in catalogue says about it. */
export function QuoteStatusBanner({ reason }: { reason: string | null }) {
  return reason ? (
    <Card>
      <BlockStack gap="100">
        <InlineStack gap="200">
          <Badge tone="attention">Cannot quote yet</Badge>
        </InlineStack>
        <Text as="p">
          {reason}. A connected carrier account will be another way to price it (not available yet).
        </Text>
      </BlockStack>
    </Card>
  ) : null;
}

/** The catalogue entry the service was added from: surcharges it has, reach, pickup network and sources. */
export function CatalogueCard({ catalogue }: { catalogue: CatalogueSummary | null }) {
  if (!catalogue) return null;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingSm">
          {`From the catalogue: ${catalogue.name}${catalogue.template ? " (template)" : ""}`}
        </Text>
        <Text as="p" tone="subdued">
          {`Surcharges this carrier applies (amounts are your contract's; size rules start at $0): ${catalogue.surcharges
            .map((code) => SURCHARGE_NAMES[code] ?? code)
            .join(", ")}.`}
        </Text>
        <Text as="p" tone="subdued">
          {`PO boxes: ${catalogue.poBox ? "yes" : "no"} · APO/FPO/DPO: ${catalogue.military ? "yes" : "no"} · Pickup: ${catalogue.pickup}`}
        </Text>
        {catalogue.unverified > 0 ? (
          <Text as="p" tone="caution">
            {`${catalogue.unverified} of ${catalogue.figures} figures are not confirmed on the carrier's own pages: check them against your carrier's service guide.`}
          </Text>
        ) : null}
        <List>
          {catalogue.sources.map((url) => (
            <List.Item key={url}>
              {/* A source URL is one long word: it wraps inside the card instead of running past its edge. */}
              <span style={{ overflowWrap: "anywhere" }}>
                <Link url={url} target="_blank">
                  {url.replace(/^https?:\/\//, "")}
                </Link>
              </span>
            </List.Item>
          ))}
        </List>
      </BlockStack>
    </Card>
  );
}
