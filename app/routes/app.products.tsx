import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Card,
  Checkbox,
  FormLayout,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { CsvFileImport, previewOf } from "../components/csv-file-import";
import { ErrorsBanner } from "../components/errors-banner";
import { PRODUCT_FLAGS as FLAGS, ProductProfileTable } from "../components/product-profile-table";
import { fieldError } from "../components/form-errors";
import { SaveButton } from "../components/save-button";
import { useActionToast } from "../components/use-action-toast";
import { PRODUCT_CSV_COLUMNS } from "../contracts/product-csv";
import { adminContext } from "../services/admin/admin-context.server";
import { statusOf } from "../services/admin/form-data";
import { checkProductCsv } from "../services/admin/product-csv-check";
import {
  deleteProductProfile,
  importProductProfiles,
  listProductProfiles,
  profileInUnits,
  saveProductProfile,
} from "../services/admin/products.server";
import { shopUnits } from "../services/admin/settings.server";
import { shopifyVariants } from "../services/admin/shopify-variants.server";
import { unitLabel } from "../services/admin/units";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop, graphql } = await adminContext(request);
  const [profiles, units, shopify] = await Promise.all([
    listProductProfiles(db, shop),
    shopUnits(db, shop),
    shopifyVariants(graphql),
  ]);
  return {
    units,
    variants: shopify.variants,
    variantsError: shopify.error,
    profiles: profiles.map((p) => ({
      variantId: p.variantId,
      sku: p.sku,
      name: p.name,
      ...profileInUnits(p, units),
      fragile: p.fragile,
      valuable: p.valuable,
      coldChain: p.coldChain,
      bulky: p.bulky,
      shipAlone: p.shipAlone,
    })),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const form = await request.formData();
  const intent = form.get("intent");
  const result =
    intent === "import"
      ? await importProductProfiles(db, shop, String(form.get("csv") ?? ""))
      : intent === "delete"
        ? await deleteProductProfile(db, shop, String(form.get("variantId") ?? ""))
        : await saveProductProfile(db, shop, form, await shopUnits(db, shop));
  return json(result, { status: statusOf(result) });
};

type Draft = {
  variantId: string;
  sku: string;
  name: string;
  length: string;
  width: string;
  height: string;
  weight: string;
} & Record<(typeof FLAGS)[number][0], boolean>;

const EMPTY: Draft = {
  variantId: "",
  sku: "",
  name: "",
  length: "",
  width: "",
  height: "",
  weight: "",
  fragile: false,
  valuable: false,
  coldChain: false,
  bulky: false,
  shipAlone: false,
};

export default function Products() {
  const { units, variants, variantsError, profiles } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const importer = useFetcher<typeof action>();
  const remover = useFetcher<typeof action>();
  const saving = useNavigation().state === "submitting";
  useActionToast(data);
  useActionToast(importer.data);
  useActionToast(remover.data);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = (key: keyof Draft) => (value: string | boolean) => setDraft((d) => ({ ...d, [key]: value }));
  const pick = (variantId: string) => {
    const profile = profiles.find((p) => p.variantId === variantId);
    const variant = variants.find((v) => v.variantId === variantId);
    const str = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));
    setDraft({
      ...EMPTY,
      ...(profile
        ? {
            ...profile,
            length: str(profile.length),
            width: str(profile.width),
            height: str(profile.height),
            weight: str(profile.weight),
          }
        : {}),
      variantId,
      sku: profile?.sku ?? variant?.sku ?? "",
      name: profile?.name ?? variant?.title ?? "",
    });
  };
  const options = [
    { label: "Choose a variant", value: "" },
    ...variants.map((v) => ({ label: `${v.title}${v.sku ? ` (${v.sku})` : ""}`, value: v.variantId })),
    ...profiles
      .filter((p) => p.variantId && !variants.some((v) => v.variantId === p.variantId))
      .map((p) => ({ label: `${p.name} (not in Shopify)`, value: p.variantId! })),
  ];
  const dim = unitLabel[units.dimensionUnit];
  const wt = unitLabel[units.weightUnit];
  const importErrors = importer.data && "lineErrors" in importer.data ? importer.data.lineErrors : undefined;
  return (
    <Page
      title="Products"
      subtitle="Package dimensions and handling flags per variant (Shopify does not send dimensions to carrier rates)"
    >
      <Layout>
        <Layout.Section>
          <ProductProfileTable
            profiles={profiles}
            units={units}
            onEdit={pick}
            onRemove={(variantId) => remover.submit({ intent: "delete", variantId }, { method: "post" })}
          />
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <Form method="post">
                <input type="hidden" name="intent" value="save" />
                <FormLayout>
                  <Text as="h2" variant="headingMd">
                    Dimensions of a variant
                  </Text>
                  {variantsError ? <Banner tone="warning">{variantsError}</Banner> : null}
                  <ErrorsBanner data={data} />
                  <Select
                    label="Variant"
                    name="variantId"
                    options={options}
                    value={draft.variantId}
                    onChange={pick}
                    error={fieldError(data, "variantId")}
                  />
                  <input type="hidden" name="sku" value={draft.sku} />
                  <TextField
                    label="Name"
                    name="name"
                    value={draft.name}
                    onChange={set("name")}
                    autoComplete="off"
                    error={fieldError(data, "name")}
                  />
                  <FormLayout.Group condensed>
                    <TextField
                      label={`Length (${dim})`}
                      name="length"
                      type="number"
                      value={draft.length}
                      onChange={set("length")}
                      autoComplete="off"
                      error={fieldError(data, "lengthIn")}
                    />
                    <TextField
                      label={`Width (${dim})`}
                      name="width"
                      type="number"
                      value={draft.width}
                      onChange={set("width")}
                      autoComplete="off"
                      error={fieldError(data, "widthIn")}
                    />
                    <TextField
                      label={`Height (${dim})`}
                      name="height"
                      type="number"
                      value={draft.height}
                      onChange={set("height")}
                      autoComplete="off"
                      error={fieldError(data, "heightIn")}
                    />
                  </FormLayout.Group>
                  <TextField
                    label={`Weight (${wt})`}
                    name="weight"
                    type="number"
                    value={draft.weight}
                    onChange={set("weight")}
                    autoComplete="off"
                    helpText="Used when Shopify sends no weight"
                    error={fieldError(data, "weightOz")}
                  />
                  {FLAGS.map(([key, label]) => (
                    <Checkbox key={key} label={label} name={key} checked={draft[key]} onChange={set(key)} />
                  ))}
                  <SaveButton saving={saving} />
                </FormLayout>
              </Form>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Import dimensions (CSV)
                </Text>
                <Text as="p" variant="bodySm" tone="subdued">
                  {`Columns: ${PRODUCT_CSV_COLUMNS.join(", ")} (inches, ounces, yes/no)`}
                </Text>
                <CsvFileImport
                  label="Product dimensions CSV"
                  importing={importer.state !== "idle"}
                  serverErrors={importErrors}
                  validate={(_rows, text) =>
                    previewOf(checkProductCsv(text), (result) => ({
                      errors: result.errors,
                      summary: <Text as="p">{`${result.products} products ready to import`}</Text>,
                    }))
                  }
                  onImport={(csv) => importer.submit({ intent: "import", csv }, { method: "post" })}
                />
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
