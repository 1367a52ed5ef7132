import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Card,
  EmptyState,
  IndexTable,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { CsvFileImport } from "../components/csv-file-import";
import { ImportWriteProgress } from "../components/import-write-progress";
import { NETWORK_LABELS, NetworkCard } from "../components/pickup-network-card";
import { ErrorsBanner } from "../components/errors-banner";
import { SaveButton } from "../components/save-button";
import { useActionToast } from "../components/use-action-toast";
import { PickupNetworkSchema } from "../contracts/pickup-settings";
import { adminContext } from "../services/admin/admin-context.server";
import { statusOf } from "../services/admin/form-data";
import { importPickupDirectoryForm, savePickupSettingsForm } from "../services/admin/pickup-form.server";
import { parseDirectory } from "../services/pickup/directory-parse";
import { listPickupPoints } from "../services/pickup/directory-list.server";
import { loadPickupNetworkSettings } from "../services/pickup/network-settings.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const params = new URL(request.url).searchParams;
  const network = PickupNetworkSchema.safeParse(params.get("network"));
  const [settings, directory] = await Promise.all([
    loadPickupNetworkSettings(db, shop),
    listPickupPoints(db, shop, {
      page: Number(params.get("page")) || 1,
      pageSize: 25,
      ...(network.success ? { network: network.data } : {}),
      search: params.get("q") ?? undefined,
    }),
  ]);
  return {
    settings,
    directory,
    filters: { network: network.success ? network.data : "", q: params.get("q") ?? "" },
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const form = await request.formData();
  const result =
    form.get("intent") === "importDirectory"
      ? await importPickupDirectoryForm(db, shop, form)
      : await savePickupSettingsForm(db, shop, form);
  return json(result, { status: statusOf(result) });
};

export default function PickupPoints() {
  const { settings, directory, filters } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const importer = useFetcher<typeof action>();
  const saving = useNavigation().state === "submitting";
  const submit = useSubmit();
  const [mode, setMode] = useState("merge");
  const [search, setSearch] = useState(filters.q);
  useActionToast(data);
  useActionToast(importer.data);
  const importErrors = importer.data && "lineErrors" in importer.data ? importer.data.lineErrors : undefined;
  return (
    <Page
      title="Pickup points"
      subtitle="Lockers and pickup counters buyers can choose instead of home delivery"
    >
      <Layout>
        <Layout.Section>
          <Form method="post">
            <input type="hidden" name="intent" value="settings" />
            <BlockStack gap="400">
              <ErrorsBanner data={data} />
              {settings.map((s) => (
                <NetworkCard key={s.network} settings={s} errors={data} />
              ))}
              <SaveButton saving={saving} />
            </BlockStack>
          </Form>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Import a directory
              </Text>
              <Text as="p" variant="bodySm" tone="subdued">
                CSV or GeoJSON of pickup locations (see docs/pickup-points.md).
              </Text>
              <Select
                label="Points missing from the file"
                options={[
                  { label: "Keep them", value: "merge" },
                  { label: "Remove them", value: "replace" },
                ]}
                value={mode}
                onChange={setMode}
              />
              <CsvFileImport
                label="Directory file"
                accept=".csv,.json,.geojson,text/csv,application/json,application/geo+json"
                importing={importer.state !== "idle"}
                serverErrors={importErrors}
                validate={(_rows, text) => {
                  const parsed = parseDirectory(text);
                  return {
                    errors: parsed.errors,
                    summary: <Text as="p">{`${parsed.rows.length} pickup points ready to import`}</Text>,
                  };
                }}
                onImport={(text) =>
                  importer.submit({ intent: "importDirectory", directory: text, mode }, { method: "post" })
                }
              />
              <ImportWriteProgress
                active={importer.state === "submitting"}
                progressUrl="/app/pickup-points/import-progress"
              />
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            <div style={{ padding: 12 }}>
              <Form
                method="get"
                onChange={(event) =>
                  (event.target as HTMLElement).tagName === "SELECT" && submit(event.currentTarget)
                }
              >
                <InlineStack gap="300" blockAlign="end">
                  <Select
                    label="Network"
                    name="network"
                    value={filters.network}
                    options={[
                      { label: "All", value: "" },
                      ...settings.map((s) => ({
                        label: NETWORK_LABELS[s.network] ?? s.network,
                        value: s.network,
                      })),
                    ]}
                  />
                  <TextField
                    label="Search"
                    name="q"
                    value={search}
                    onChange={setSearch}
                    autoComplete="off"
                    placeholder="Name, city or ZIP (Enter)"
                  />
                </InlineStack>
              </Form>
            </div>
            {directory.total === 0 ? (
              <EmptyState heading="No pickup points" image="">
                <p>Import a directory file to offer pickup points at checkout.</p>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: "pickup point", plural: "pickup points" }}
                itemCount={directory.points.length}
                selectable={false}
                headings={[
                  { title: "Pickup point" },
                  { title: "Network" },
                  { title: "Address" },
                  { title: "Status" },
                ]}
                pagination={{
                  hasPrevious: directory.page > 1,
                  hasNext: directory.page * directory.pageSize < directory.total,
                  onPrevious: () =>
                    submit({ ...filters, page: String(directory.page - 1) }, { method: "get" }),
                  onNext: () => submit({ ...filters, page: String(directory.page + 1) }, { method: "get" }),
                  label: `${directory.total} point${directory.total === 1 ? "" : "s"} · page ${directory.page}`,
                }}
              >
                {directory.points.map((p, index) => (
                  <IndexTable.Row id={p.id} key={p.id} position={index}>
                    <IndexTable.Cell>
                      <Text as="span" fontWeight="semibold">
                        {p.name}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{NETWORK_LABELS[p.network] ?? p.network}</IndexTable.Cell>
                    <IndexTable.Cell>{`${p.address1}, ${p.city}, ${p.province} ${p.zip}`}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <InlineStack gap="100">
                        {p.active ? <Badge tone="success">Active</Badge> : <Badge>Inactive</Badge>}
                        {p.isSample ? <Badge tone="info">Sample</Badge> : null}
                      </InlineStack>
                    </IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
