import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Card,
  Checkbox,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { CsvFileImport } from "../components/csv-file-import";
import { DownloadButton } from "../components/download-button";
import { ErrorsBanner } from "../components/errors-banner";
import { fieldError } from "../components/form-errors";
import { RateCardTable } from "../components/rate-card-table";
import { SaveButton } from "../components/save-button";
import { useActionToast } from "../components/use-action-toast";
import { rateCardFromRows } from "../contracts/rate-card-csv";
import { adminContext } from "../services/admin/admin-context.server";
import { carrierServiceDetail, saveCarrierService } from "../services/admin/carriers.server";
import { statusOf } from "../services/admin/form-data";
import { importRateCard } from "../services/admin/rate-cards.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const detail = await carrierServiceDetail(db, shop, params.id ?? "");
  if (!detail) throw new Response("Service not found", { status: 404 });
  return detail;
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const form = await request.formData();
  const result =
    form.get("intent") === "importRateCard"
      ? await importRateCard(db, shop, params.id ?? "", String(form.get("csv") ?? ""))
      : await saveCarrierService(db, shop, params.id ?? "", form);
  if (!result) throw new Response("Service not found", { status: 404 });
  return json(result, { status: statusOf(result) });
};

export default function CarrierServiceEdit() {
  const { service, values, warehouses, rateCard } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const importer = useFetcher<typeof action>();
  const saving = useNavigation().state === "submitting";
  useActionToast(data);
  useActionToast(importer.data);
  const [form, setForm] = useState({
    name: values.name,
    enabled: values.enabled,
    tier: values.tier,
    dimDivisor: String(values.dimDivisor),
    dimMinCubicIn: String(values.dimMinCubicIn),
    maxWeightLb: String(values.maxWeightLb),
    maxLongestIn: String(values.maxLongestIn),
    maxLengthPlusGirthIn: String(values.maxLengthPlusGirthIn),
    fuelPercent: String(values.fuelPercent),
    peakWindows: values.peakWindows.map((w) => `${w.from} ${w.to}`).join("\n"),
    peakCents: String(values.peakCents),
    federalHolidays: values.federalHolidays,
    extraClosedDates: values.extraClosedDates.join("\n"),
    warehouseKeys: values.warehouseKeys,
    markupPercent: values.markupPercent === null ? "" : String(values.markupPercent),
    markupFixed: values.markupFixedCents === null ? "" : (values.markupFixedCents / 100).toFixed(2),
  });
  const set = (key: keyof typeof form) => (value: string | boolean) =>
    setForm((f) => ({ ...f, [key]: value }));
  const text = (key: keyof typeof form, label: string, extra: object = {}, errorPath: string = key) => (
    <TextField
      label={label}
      name={key}
      value={String(form[key])}
      onChange={set(key)}
      autoComplete="off"
      error={fieldError(data, errorPath)}
      {...extra}
    />
  );
  const importErrors = importer.data && "lineErrors" in importer.data ? importer.data.lineErrors : undefined;
  return (
    <Page
      title={values.name}
      titleMetadata={values.enabled ? <Badge tone="success">Enabled</Badge> : <Badge>Disabled</Badge>}
      subtitle={`${service.carrier} · ${service.code} · ${service.mode}`}
      backAction={{ content: "Carriers & services", url: "/app/carriers" }}
    >
      <Layout>
        <Layout.Section>
          <Form method="post">
            <input type="hidden" name="intent" value="save" />
            <BlockStack gap="400">
              <ErrorsBanner data={data} />
              <Card>
                <FormLayout>
                  <FormLayout.Group>
                    {text("name", "Name")}
                    <Select
                      label="Buyer-facing tier"
                      name="tier"
                      options={["EXPRESS", "STANDARD", "ECONOMY", "FREIGHT"]}
                      value={form.tier}
                      onChange={set("tier")}
                      error={fieldError(data, "tier")}
                    />
                  </FormLayout.Group>
                  <Checkbox label="Enabled" name="enabled" checked={form.enabled} onChange={set("enabled")} />
                </FormLayout>
              </Card>
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">
                    Warehouses shipping with this service
                  </Text>
                  <Text as="p" tone="subdued">
                    None ticked = every warehouse that offers {service.mode}.
                  </Text>
                  {warehouses.map((w) => (
                    <Checkbox
                      key={w.key}
                      label={w.name}
                      name="warehouseKeys"
                      value={w.key}
                      checked={form.warehouseKeys.includes(w.key)}
                      onChange={(checked) =>
                        setForm((f) => ({
                          ...f,
                          warehouseKeys: checked
                            ? [...f.warehouseKeys, w.key]
                            : f.warehouseKeys.filter((k) => k !== w.key),
                        }))
                      }
                    />
                  ))}
                  {fieldError(data, "warehouseKeys") ? (
                    <Text as="p" tone="critical">
                      {fieldError(data, "warehouseKeys")}
                    </Text>
                  ) : null}
                </BlockStack>
              </Card>
              <Card>
                <FormLayout>
                  <Text as="h2" variant="headingMd">
                    Dimensional weight and limits
                  </Text>
                  <FormLayout.Group condensed>
                    {text("dimDivisor", "DIM divisor (in³/lb)", { type: "number" })}
                    {text("dimMinCubicIn", "DIM applies above (in³)", { type: "number" })}
                  </FormLayout.Group>
                  <FormLayout.Group condensed>
                    {text("maxWeightLb", "Max weight (lb)", { type: "number" })}
                    {text("maxLongestIn", "Max longest side (in)", { type: "number" })}
                    {text("maxLengthPlusGirthIn", "Max length + girth (in)", { type: "number" })}
                  </FormLayout.Group>
                </FormLayout>
              </Card>
              <Card>
                <FormLayout>
                  <Text as="h2" variant="headingMd">
                    Markup
                  </Text>
                  <Text as="p" tone="subdued">
                    Leave both empty to use the shop&apos;s markup (Routing page). Set either to price this
                    service&apos;s shipments with its own markup instead.
                  </Text>
                  <FormLayout.Group condensed>
                    {text("markupPercent", "Markup (%)", { type: "number", step: 0.01 })}
                    {text(
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
                    Surcharges and calendar
                  </Text>
                  <FormLayout.Group condensed>
                    {text("fuelPercent", "Fuel surcharge (%)", { type: "number", step: 0.01 })}
                    {text("peakCents", "Peak surcharge (cents per package)", { type: "number" })}
                  </FormLayout.Group>
                  {text("peakWindows", "Peak windows", {
                    multiline: 3,
                    helpText: "One window per line: 2026-11-23 2027-01-17",
                    error:
                      fieldError(data, "peakWindows") ??
                      Object.entries((data && "errors" in data && data.errors) || {}).find(([k]) =>
                        k.startsWith("peakWindows."),
                      )?.[1],
                  })}
                  <Select
                    label="Federal holidays"
                    name="federalHolidays"
                    options={[
                      { label: "Closed on all federal holidays", value: "ALL" },
                      { label: "Delivers on federal holidays", value: "NONE" },
                    ]}
                    value={form.federalHolidays}
                    onChange={set("federalHolidays")}
                  />
                  {text("extraClosedDates", "Other closed dates", {
                    multiline: 2,
                    helpText: "YYYY-MM-DD, one per line",
                    error: Object.entries((data && "errors" in data && data.errors) || {}).find(([k]) =>
                      k.startsWith("extraClosedDates"),
                    )?.[1],
                  })}
                </FormLayout>
              </Card>
              <SaveButton saving={saving} />
            </BlockStack>
          </Form>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  Rate card
                </Text>
                {rateCard?.isSample ? <Badge tone="info">Sample</Badge> : null}
              </InlineStack>
              {rateCard ? (
                <>
                  <Text as="p" tone="subdued">
                    {`${rateCard.name} · ${rateCard.breaks.length} weight breaks × ${rateCard.zones.length} zones · effective ${rateCard.effectiveFrom.slice(0, 10)}`}
                  </Text>
                  <DownloadButton
                    url={`/app/carriers/${service.id}/rate-card.csv`}
                    filename={`${service.code.toLowerCase()}-rate-card.csv`}
                  >
                    Export CSV
                  </DownloadButton>
                </>
              ) : (
                <Text as="p" tone="caution">
                  No rate card: this service cannot quote until you import one.
                </Text>
              )}
              <CsvFileImport
                label="Import a rate card (CSV)"
                importing={importer.state !== "idle"}
                serverErrors={importErrors}
                validate={(rows) => {
                  const result = rateCardFromRows(rows, {
                    name: values.name,
                    basis: rateCard?.basis ?? "PER_PACKAGE",
                  });
                  return {
                    errors: result.errors,
                    summary: result.card ? <RateCardTable card={result.card} /> : null,
                  };
                }}
                onImport={(csv) => importer.submit({ intent: "importRateCard", csv }, { method: "post" })}
              />
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
