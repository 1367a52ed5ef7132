import { Form, useSubmit } from "@remix-run/react";
import { Badge, Card, EmptyState, IndexTable, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { choicesFrom } from "../form-kit";
import { NETWORK_LABELS } from "../pickup-network-card";

type Point = {
  id: string;
  name: string;
  network: string;
  address1: string;
  city: string;
  province: string;
  zip: string;
  active: boolean;
  isSample: boolean;
};

/** One page of the shop's pickup directory, filtered by network (on change) and by a search (on Enter). */
export function PickupDirectoryCard({
  networks,
  directory,
  filters,
}: {
  networks: string[];
  directory: { points: Point[]; total: number; page: number; pageSize: number };
  filters: { network: string; q: string };
}) {
  const submit = useSubmit();
  const [search, setSearch] = useState(filters.q);
  const page = (n: number) => submit({ ...filters, page: String(n) }, { method: "get" });
  return (
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
              options={choicesFrom(
                networks,
                (n) => NETWORK_LABELS[n] ?? n,
                (n) => n,
                {
                  first: [{ label: "All", value: "" }],
                },
              )}
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
            onPrevious: () => page(directory.page - 1),
            onNext: () => page(directory.page + 1),
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
  );
}
