import { IndexTable, Text } from "@shopify/polaris";

type KindRow = {
  kind: string;
  QUEUED: number;
  RUNNING: number;
  RETRYING: number;
  FAILED: number;
  COMPLETED: number;
  DROPPED: number;
};

/** Per job kind: how many are queued, running, retrying, failed, done and dropped. */
export function JobKindTable({ kinds }: { kinds: KindRow[] }) {
  return (
    <IndexTable
      resourceName={{ singular: "kind", plural: "kinds" }}
      itemCount={kinds.length}
      selectable={false}
      headings={[
        { title: "Kind" },
        { title: "Queued", alignment: "end" },
        { title: "Running", alignment: "end" },
        { title: "Retrying", alignment: "end" },
        { title: "Failed", alignment: "end" },
        { title: "Done", alignment: "end" },
        { title: "Dropped", alignment: "end" },
      ]}
    >
      {kinds.map((k, index) => (
        <IndexTable.Row id={k.kind} key={k.kind} position={index}>
          <IndexTable.Cell>
            <Text as="span" fontWeight="semibold">
              {k.kind}
            </Text>
          </IndexTable.Cell>
          {[k.QUEUED, k.RUNNING, k.RETRYING, k.FAILED, k.COMPLETED, k.DROPPED].map((n, i) => (
            <IndexTable.Cell key={i}>
              <Text as="span" alignment="end" numeric tone={i === 3 && n > 0 ? "critical" : undefined}>
                {n}
              </Text>
            </IndexTable.Cell>
          ))}
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
