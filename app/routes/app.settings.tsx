import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import {
  BlockStack,
  Button,
  Card,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
} from "@shopify/polaris";
import { useState } from "react";
import { DownloadButton } from "../components/download-button";
import { ErrorsBanner } from "../components/errors-banner";
import { fieldError } from "../components/form-kit";
import { SaveButton } from "../components/save-button";
import { useActionToast } from "../components/use-action-toast";
import { adminContext } from "../services/admin/admin-context.server";
import { statusOf } from "../services/admin/form-data";
import { importShopConfig, saveUnits, shopUnits } from "../services/admin/settings.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  return { shop, units: await shopUnits(db, shop) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const form = await request.formData();
  const result =
    form.get("intent") === "importConfig"
      ? await importShopConfig(db, shop, String(form.get("config") ?? ""))
      : await saveUnits(db, shop, form);
  return json(result, { status: statusOf(result) });
};

export default function Settings() {
  const { shop, units } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const importer = useFetcher<typeof action>();
  const saving = useNavigation().state === "submitting";
  useActionToast(data);
  useActionToast(importer.data);
  const [weightUnit, setWeightUnit] = useState<string>(units.weightUnit);
  const [dimensionUnit, setDimensionUnit] = useState<string>(units.dimensionUnit);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  return (
    <Page title="Settings">
      <Layout>
        <Layout.AnnotatedSection
          title="Units"
          description="How the admin shows and accepts weights and sizes. Stored values and CSV files stay in ounces and inches."
        >
          <Card>
            <Form method="post">
              <input type="hidden" name="intent" value="units" />
              <FormLayout>
                <ErrorsBanner data={data} />
                <FormLayout.Group>
                  <Select
                    label="Weight"
                    name="weightUnit"
                    value={weightUnit}
                    onChange={setWeightUnit}
                    error={fieldError(data, "weightUnit")}
                    options={[
                      { label: "Pounds (lb)", value: "LB" },
                      { label: "Ounces (oz)", value: "OZ" },
                      { label: "Kilograms (kg)", value: "KG" },
                      { label: "Grams (g)", value: "G" },
                    ]}
                  />
                  <Select
                    label="Dimensions"
                    name="dimensionUnit"
                    value={dimensionUnit}
                    onChange={setDimensionUnit}
                    error={fieldError(data, "dimensionUnit")}
                    options={[
                      { label: "Inches (in)", value: "IN" },
                      { label: "Centimeters (cm)", value: "CM" },
                    ]}
                  />
                </FormLayout.Group>
                <SaveButton saving={saving} />
              </FormLayout>
            </Form>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          title="Configuration file"
          description="The whole configuration as JSON: warehouses and services (inactive ones too), rate cards, cartons, products, strategy, markups, units and pickup networks. The same file that npx tailroute quote --config reads."
        >
          <Card>
            <BlockStack gap="300">
              <InlineStack>
                <DownloadButton
                  url="/app/settings/export"
                  filename={`${shop.replace(".myshopify.com", "")}-tailroute.json`}
                >
                  Export configuration
                </DownloadButton>
              </InlineStack>
              <Text as="p" tone="subdued">
                Importing replaces the whole configuration of this shop. Nothing is saved if the file has an
                error.
              </Text>
              <input
                type="file"
                accept=".json,application/json"
                aria-label="Configuration file"
                onChange={async (event) => {
                  const picked = event.currentTarget.files?.[0];
                  setFile(picked ? { name: picked.name, text: await picked.text() } : null);
                }}
              />
              <ErrorsBanner data={importer.data} title="The configuration was not imported" />
              <InlineStack align="end">
                <Button
                  variant="primary"
                  tone="critical"
                  disabled={!file}
                  loading={importer.state !== "idle"}
                  onClick={() =>
                    file && importer.submit({ intent: "importConfig", config: file.text }, { method: "post" })
                  }
                >
                  Import and replace
                </Button>
              </InlineStack>
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
