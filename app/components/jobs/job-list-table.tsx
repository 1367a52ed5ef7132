import { Badge, Button, ButtonGroup, IndexTable, Text } from "@shopify/polaris";
import { Form } from "@remix-run/react";

type JobRow = {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  maxAttempts: number;
  error: string | null;
  progress: { done: number; total: number; note?: string } | null;
  runAt: string | null;
  finishedAt: string | null;
};

const TONE: Record<string, "critical" | "warning" | "success" | "info" | undefined> = {
  FAILED: "critical",
  RETRYING: "warning",
  RUNNING: "info",
  COMPLETED: "success",
};

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—");

function progressText(p: JobRow["progress"]): string {
  if (!p) return "";
  const pct = p.total > 0 ? Math.round((p.done / p.total) * 100) : 0;
  return `${p.done} of ${p.total} (${pct} %)${p.note ? ` ${p.note}` : ""}`;
}

/** One button posting `{ intent, id }` to the page's action (Polaris buttons carry no name/value). */
function JobButton({ id, intent, busy }: { id: string; intent: "retry" | "discard"; busy: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="intent" value={intent} />
      {intent === "retry" ? (
        <Button submit disabled={busy}>
          Retry
        </Button>
      ) : (
        <Button submit tone="critical" variant="plain" disabled={busy}>
          Discard
        </Button>
      )}
    </Form>
  );
}

/** Jobs with their state, error or progress; failed and dropped ones get Retry, idle ones Discard. */
export function JobListTable({ jobs, busy }: { jobs: JobRow[]; busy: boolean }) {
  return (
    <IndexTable
      resourceName={{ singular: "job", plural: "jobs" }}
      itemCount={jobs.length}
      selectable={false}
      headings={[
        { title: "Kind" },
        { title: "Status" },
        { title: "Attempts" },
        { title: "Error or progress" },
        { title: "When" },
        { title: "" },
      ]}
    >
      {jobs.map((j, index) => (
        <IndexTable.Row id={j.id} key={j.id} position={index}>
          <IndexTable.Cell>{j.kind}</IndexTable.Cell>
          <IndexTable.Cell>
            <Badge tone={TONE[j.status]}>{j.status}</Badge>
          </IndexTable.Cell>
          <IndexTable.Cell>
            {j.attempts} of {j.maxAttempts}
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" tone={j.error && j.status === "FAILED" ? "critical" : undefined} breakWord>
              {j.error ?? progressText(j.progress)}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>{when(j.finishedAt ?? j.runAt)}</IndexTable.Cell>
          <IndexTable.Cell>
            {j.status !== "RUNNING" ? (
              <ButtonGroup>
                {j.status === "FAILED" || j.status === "DROPPED" ? (
                  <JobButton id={j.id} intent="retry" busy={busy} />
                ) : null}
                <JobButton id={j.id} intent="discard" busy={busy} />
              </ButtonGroup>
            ) : null}
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
