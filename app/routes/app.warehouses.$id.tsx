import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Box,
  Card,
  Checkbox,
  FormLayout,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useMemo, useState } from "react";
import { FREIGHT_LEVELS } from "../contracts/admin-forms";
import { ErrorsBanner } from "../components/errors-banner";
import { SaveButton } from "../components/save-button";
import { fieldError } from "../components/form-errors";
import { useActionToast } from "../components/use-action-toast";
import { adminContext } from "../services/admin/admin-context.server";
import { statusOf } from "../services/admin/form-data";
import { shopifyLocations } from "../services/admin/shopify-locations.server";
import { saveWarehouse, warehouseFormValues } from "../services/admin/warehouses.server";

const NEW_WAREHOUSE = {
  id: "",
  name: "",
  address: { address1: "", city: "", state: "", zip: "", country: "US" as const },
  timeZone: "America/New_York",
  cutoffLocalTime: "14:00",
  handlingDays: 1,
  modes: ["EXPRESS_PARCEL", "POSTAL"] as string[],
  shopifyLocationId: null as string | null,
  active: true,
  freightLevels: [...FREIGHT_LEVELS] as string[],
};

const FREIGHT_LEVEL_LABELS: Record<(typeof FREIGHT_LEVELS)[number], string> = {
  THRESHOLD: "Threshold (to the first door)",
  ROOM_OF_CHOICE: "Room of choice (inside, upstairs)",
  WHITE_GLOVE: "White glove (unpack, assemble, remove packaging)",
};

const US_TIME_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Puerto_Rico",
];

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { db, shop, graphql } = await adminContext(request);
  const values = params.id === "new" ? NEW_WAREHOUSE : await warehouseFormValues(db, shop, params.id ?? "");
  if (!values) throw new Response("Warehouse not found", { status: 404 });
  const created = new URL(request.url).searchParams.has("created");
  return { isNew: params.id === "new", created, values, ...(await shopifyLocations(graphql)) };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const result = await saveWarehouse(db, shop, params.id ?? "", await request.formData());
  if (!result) throw new Response("Warehouse not found", { status: 404 });
  if (result.ok && params.id === "new") return redirect(`/app/warehouses/${result.value!.id}?created=1`);
  return json(result, { status: statusOf(result) });
};

export default function WarehouseEdit() {
  const { isNew, created, values, locations, error } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const createdToast = useMemo(
    () => (created ? { ok: true, message: "Warehouse created" } : null),
    [created],
  );
  useActionToast(data ?? createdToast);
  const [form, setForm] = useState({
    key: values.id,
    name: values.name,
    address1: values.address.address1 ?? "",
    city: values.address.city,
    state: values.address.state,
    zip: values.address.zip,
    timeZone: values.timeZone,
    cutoffLocalTime: values.cutoffLocalTime,
    handlingDays: String(values.handlingDays),
    modes: values.modes,
    shopifyLocationId: values.shopifyLocationId ?? "",
    active: values.active,
    freightLevels: values.freightLevels as string[],
  });
  const set = (key: keyof typeof form) => (value: string | boolean) =>
    setForm((f) => ({ ...f, [key]: value }));
  const toggleMode = (mode: string) => (checked: boolean) =>
    setForm((f) => ({ ...f, modes: checked ? [...f.modes, mode] : f.modes.filter((m) => m !== mode) }));
  const toggleLevel = (level: string) => (checked: boolean) =>
    setForm((f) => ({
      ...f,
      freightLevels: checked ? [...f.freightLevels, level] : f.freightLevels.filter((l) => l !== level),
    }));
  const field = (key: keyof typeof form, label: string, path: string = key, extra: object = {}) => (
    <TextField
      label={label}
      name={key}
      value={String(form[key])}
      onChange={set(key)}
      autoComplete="off"
      error={fieldError(data, path)}
      {...extra}
    />
  );
  return (
    <Page
      title={isNew ? "Add warehouse" : values.name}
      backAction={{ content: "Warehouses", url: "/app/warehouses" }}
    >
      <Form method="post">
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              <ErrorsBanner data={data} />
              <Card>
                <FormLayout>
                  <FormLayout.Group>
                    {field("name", "Name")}
                    {field("key", "Key", "id", { helpText: "Stable id used in decisions and order tags" })}
                  </FormLayout.Group>
                  {field("address1", "Address", "address.address1")}
                  <FormLayout.Group condensed>
                    {field("city", "City", "address.city")}
                    {field("state", "State", "address.state", { maxLength: 2 })}
                    {field("zip", "ZIP code", "address.zip")}
                  </FormLayout.Group>
                  <FormLayout.Group condensed>
                    <Select
                      label="Time zone"
                      name="timeZone"
                      options={
                        US_TIME_ZONES.includes(form.timeZone)
                          ? US_TIME_ZONES
                          : [form.timeZone, ...US_TIME_ZONES]
                      }
                      value={form.timeZone}
                      onChange={set("timeZone")}
                      error={fieldError(data, "timeZone")}
                    />
                    {field("cutoffLocalTime", "Order cutoff (local)", "cutoffLocalTime", {
                      placeholder: "14:00",
                    })}
                    {field("handlingDays", "Handling days", "handlingDays", { type: "number", min: 0 })}
                  </FormLayout.Group>
                </FormLayout>
              </Card>
              <Card>
                <BlockStack gap="200">
                  <Checkbox
                    label="Express parcel (UPS, FedEx, Amazon)"
                    name="modes"
                    value="EXPRESS_PARCEL"
                    checked={form.modes.includes("EXPRESS_PARCEL")}
                    onChange={toggleMode("EXPRESS_PARCEL")}
                  />
                  <Checkbox
                    label="Postal (USPS)"
                    name="modes"
                    value="POSTAL"
                    checked={form.modes.includes("POSTAL")}
                    onChange={toggleMode("POSTAL")}
                  />
                  <Checkbox
                    label="Freight (LTL + final-mile crew)"
                    name="modes"
                    value="FREIGHT"
                    checked={form.modes.includes("FREIGHT")}
                    onChange={toggleMode("FREIGHT")}
                    error={fieldError(data, "modes")}
                  />
                  {form.modes.includes("FREIGHT") ? (
                    <Box paddingInlineStart="600">
                      <BlockStack gap="100">
                        <Text as="p" variant="bodySm" tone="subdued">
                          Freight service levels this warehouse can arrange (offered at checkout only where
                          the freight service offers them too)
                        </Text>
                        {FREIGHT_LEVELS.map((level, i) => (
                          <Checkbox
                            key={level}
                            label={FREIGHT_LEVEL_LABELS[level]}
                            name="freightLevels"
                            value={level}
                            checked={form.freightLevels.includes(level)}
                            onChange={toggleLevel(level)}
                            error={
                              i === FREIGHT_LEVELS.length - 1 ? fieldError(data, "freightLevels") : undefined
                            }
                          />
                        ))}
                      </BlockStack>
                    </Box>
                  ) : null}
                </BlockStack>
              </Card>
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              <Card>
                <BlockStack gap="300">
                  {error ? <Banner tone="warning">{error}</Banner> : null}
                  <Select
                    label="Shopify location"
                    name="shopifyLocationId"
                    helpText="Orders routed here are moved to this location's fulfillment queue"
                    options={[
                      { label: "Not linked", value: "" },
                      ...locations.map((l) => ({
                        label: `${l.name}${l.city ? ` (${l.city}, ${l.provinceCode ?? ""})` : ""}${l.isActive ? "" : " — inactive"}`,
                        value: l.id,
                      })),
                      ...(form.shopifyLocationId && !locations.some((l) => l.id === form.shopifyLocationId)
                        ? [{ label: form.shopifyLocationId, value: form.shopifyLocationId }]
                        : []),
                    ]}
                    value={form.shopifyLocationId}
                    onChange={set("shopifyLocationId")}
                    error={fieldError(data, "shopifyLocationId")}
                  />
                  <Checkbox
                    label="Active (used for routing)"
                    name="active"
                    checked={form.active}
                    onChange={set("active")}
                  />
                </BlockStack>
              </Card>
            </BlockStack>
          </Layout.Section>
          <Layout.Section>
            <SaveButton saving={saving} />
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
