import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Card, FormLayout, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { ErrorsBanner } from "../components/errors-banner";
import { fieldError } from "../components/form-errors";
import { SaveButton } from "../components/save-button";
import { useActionToast } from "../components/use-action-toast";
import { adminContext } from "../services/admin/admin-context.server";
import { statusOf } from "../services/admin/form-data";
import { unitLabel } from "../services/admin/units";
import { TIER_CODES } from "../contracts/admin-forms";
import { routingValues, saveRouting } from "../services/admin/routing.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const values = await routingValues(db, shop);
  if (!values) throw new Response("Shop not installed", { status: 404 });
  return values;
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const result = await saveRouting(db, shop, await request.formData());
  return json(result, { status: statusOf(result) });
};

const TIER_LABELS: Record<(typeof TIER_CODES)[number], string> = {
  TR_EXPRESS: "Express",
  TR_STANDARD: "Standard",
  TR_ECONOMY: "Economy",
  TR_FREIGHT_THRESHOLD: "Freight – threshold",
  TR_FREIGHT_ROOM_OF_CHOICE: "Freight – room of choice",
  TR_FREIGHT_WHITE_GLOVE: "Freight – white glove",
};

const money = (cents: number | null) => (cents === null ? "" : (cents / 100).toFixed(2));

export default function Routing() {
  const values = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  useActionToast(data);
  const [form, setForm] = useState<Record<string, string>>({
    kind: values.kind,
    costTargetPercent: values.costTargetPercent === null ? "" : String(values.costTargetPercent),
    dollarsPerDay: money(values.centsPerDay),
    markupPercent: String(values.markupPercent),
    markupFixed: money(values.markupFixedCents),
    remoteAreaZips: values.remoteAreaZips.join("\n"),
    remoteAreaFee: money(values.remoteAreaCents),
    freightFromWeight: values.freightFromWeight === null ? "" : String(values.freightFromWeight),
    freightFromParcels: values.freightFromParcels === null ? "" : String(values.freightFromParcels),
    ...Object.fromEntries(
      TIER_CODES.map((code) => [`fallback.${code}`, money(values.fallbackRates[code] ?? null)]),
    ),
  });
  const set = (key: string) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const field = (key: string, label: string, extra: object = {}, errorPath = key) => (
    <TextField
      label={label}
      name={key}
      value={form[key]}
      onChange={set(key)}
      autoComplete="off"
      error={fieldError(data, errorPath)}
      {...extra}
    />
  );
  const uploadZips = async (file: File | undefined) => {
    if (file) set("remoteAreaZips")((await file.text()).trim());
  };
  return (
    <Page
      title="Routing"
      subtitle="How Tailroute chooses the warehouse, the carrier and the price the buyer sees"
    >
      <Form method="post">
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              <ErrorsBanner data={data} />
              <Card>
                <FormLayout>
                  <Text as="h2" variant="headingMd">
                    Strategy
                  </Text>
                  <Select
                    label="Choose rates by"
                    name="kind"
                    options={[
                      { label: "Balanced: cost, speed and reliability", value: "BALANCED" },
                      { label: "Cheapest", value: "CHEAPEST" },
                      { label: "Fastest", value: "FASTEST" },
                    ]}
                    value={form.kind}
                    onChange={set("kind")}
                    error={fieldError(data, "kind")}
                  />
                  <FormLayout.Group condensed>
                    {field("costTargetPercent", "Cost target (% of order value)", {
                      type: "number",
                      helpText: "Balanced: keep shipping under this share",
                    })}
                    {field(
                      "dollarsPerDay",
                      "A day of waiting is worth ($)",
                      { type: "number", step: 0.01 },
                      "centsPerDay",
                    )}
                  </FormLayout.Group>
                </FormLayout>
              </Card>
              <Card>
                <FormLayout>
                  <Text as="h2" variant="headingMd">
                    Freight thresholds
                  </Text>
                  <Text as="p" tone="subdued">
                    From either threshold the cart ships by freight only and parcel rates are not offered.
                    Below them, freight is offered only when parcel carriers cannot take the cart. Leave empty
                    for no rule.
                  </Text>
                  <FormLayout.Group condensed>
                    {field(
                      "freightFromWeight",
                      `Freight from cart weight (${unitLabel[values.weightUnit]})`,
                      { type: "number", step: 0.01, min: 0 },
                      "freightFromCartWeightLb",
                    )}
                    {field("freightFromParcels", "Freight from number of parcels", {
                      type: "number",
                      min: 1,
                    })}
                  </FormLayout.Group>
                </FormLayout>
              </Card>
              <Card>
                <FormLayout>
                  <Text as="h2" variant="headingMd">
                    Markup on carrier cost
                  </Text>
                  <Text as="p" tone="subdued">
                    Applies to every service without its own markup (set one on a service's Carriers page).
                  </Text>
                  <FormLayout.Group condensed>
                    {field("markupPercent", "Markup (%)", { type: "number", step: 0.01 })}
                    {field(
                      "markupFixed",
                      "Fixed fee per order ($)",
                      { type: "number", step: 0.01 },
                      "markupFixedCents",
                    )}
                  </FormLayout.Group>
                </FormLayout>
              </Card>
              <Card>
                <FormLayout>
                  <Text as="h2" variant="headingMd">
                    Fallback rates
                  </Text>
                  <Text as="p" tone="subdued">
                    Flat prices checkout shows when Tailroute cannot compute rates (unknown ZIP, engine
                    failure). Leave empty to offer none.
                  </Text>
                  <FormLayout.Group condensed>
                    {TIER_CODES.slice(0, 3).map((code) =>
                      field(`fallback.${code}`, `${TIER_LABELS[code]} ($)`, { type: "number", step: 0.01 }),
                    )}
                  </FormLayout.Group>
                  <FormLayout.Group condensed>
                    {TIER_CODES.slice(3).map((code) =>
                      field(`fallback.${code}`, `${TIER_LABELS[code]} ($)`, { type: "number", step: 0.01 }),
                    )}
                  </FormLayout.Group>
                </FormLayout>
              </Card>
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <Card>
              <FormLayout>
                <Text as="h2" variant="headingMd">
                  Remote-area ZIPs
                </Text>
                <Text as="p" tone="subdued">
                  {`ZIP3 prefixes or 5-digit ZIPs that pay the remote-area surcharge on all ${values.parcelServices} parcel services.`}
                </Text>
                {field("remoteAreaZips", "ZIP list", { multiline: 6, helpText: "One per line, or commas" })}
                <input
                  type="file"
                  accept=".txt,.csv,text/plain,text/csv"
                  aria-label="Upload a ZIP list"
                  onChange={(event) => void uploadZips(event.currentTarget.files?.[0])}
                />
                {field(
                  "remoteAreaFee",
                  "Remote-area fee per package ($)",
                  { type: "number", step: 0.01 },
                  "remoteAreaCents",
                )}
              </FormLayout>
            </Card>
          </Layout.Section>
          <Layout.Section>
            <SaveButton saving={saving} />
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
