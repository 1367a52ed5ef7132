import { useFetcher } from "@remix-run/react";
import { BlockStack, Card, DataTable, FormLayout, InlineStack, Button, Text } from "@shopify/polaris";
import type { PickupReliabilityRule } from "../../engine/pickup";
import type { FlaggedPoint } from "../../services/pickup/pickup-reliability.server";
import { ErrorsBanner } from "../errors-banner";
import { NumberInput, useFormState } from "../form-kit";
import { NETWORK_LABELS } from "../pickup-network-card";
import { useActionToast } from "../use-action-toast";

/**
 * The "often uncollected" rule as the merchant sets it, in words, and the points it flags now: they are ranked
 * after the points about as near at checkout and after purchase, and shown with a flag.
 */
export function ReliabilityCard({ rule, flagged }: { rule: PickupReliabilityRule; flagged: FlaggedPoint[] }) {
  const saver = useFetcher();
  useActionToast(saver.data);
  const form = useFormState(
    {
      "reliability.minParcels": String(rule.minParcels),
      "reliability.minPickupRatePercent": String(rule.minPickupRatePercent),
      "reliability.penaltyMiles": String(rule.penaltyMiles),
    },
    saver.data,
  );
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Points buyers often do not collect
        </Text>
        <Text as="p">
          {`A point is flagged "often uncollected" once at least ${rule.minParcels} parcels held there have been collected or sent back in the last 180 days and fewer than ${rule.minPickupRatePercent}% were collected. Buyers still see it, flagged, ranked as if it were ${rule.penaltyMiles} mi farther: after every point about as near.`}
        </Text>
        <saver.Form method="post">
          <input type="hidden" name="intent" value="reliability" />
          <FormLayout>
            <ErrorsBanner data={saver.data} />
            <FormLayout.Group condensed>
              <NumberInput
                form={form}
                name="reliability.minParcels"
                label="Finished holds observed (at least)"
              />
              <NumberInput
                form={form}
                name="reliability.minPickupRatePercent"
                label="Pickup rate below (%)"
              />
              <NumberInput form={form} name="reliability.penaltyMiles" label="Ranked as farther by (mi)" />
            </FormLayout.Group>
            <InlineStack align="end">
              <Button submit loading={saver.state !== "idle"}>
                Save rule
              </Button>
            </InlineStack>
          </FormLayout>
        </saver.Form>
        {flagged.length ? (
          <DataTable
            columnContentTypes={["text", "text", "numeric", "numeric", "numeric"]}
            headings={["Flagged point", "Network", "Collected", "Sent back", "Pickup rate"]}
            rows={flagged.map((p) => [
              `${p.name} (${p.city}, ${p.province})`,
              NETWORK_LABELS[p.network] ?? p.network,
              p.pickedUp,
              p.expired,
              `${p.pickupRatePercent ?? 0}%`,
            ])}
          />
        ) : (
          <Text as="p" tone="subdued">
            No point is flagged under this rule.
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}
