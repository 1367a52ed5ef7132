import { useFetcher } from "@remix-run/react";
import { BlockStack, ProgressBar, Text } from "@shopify/polaris";
import { useEffect } from "react";

interface ImportProgress {
  progress: { done: number; total: number; phase: "checked" | "written" } | null;
}

const POLL_MS = 500;

/**
 * While an import request runs on the server, polls `progressUrl` and shows how many rows were checked and then
 * written. The browser's own bar (CsvFileImport) covers reading and checking the file before it is sent.
 */
export function ImportWriteProgress({ active, progressUrl }: { active: boolean; progressUrl: string }) {
  const poll = useFetcher<ImportProgress>();
  const { load } = poll;
  useEffect(() => {
    if (!active) return;
    load(progressUrl);
    const timer = setInterval(() => load(progressUrl), POLL_MS);
    return () => clearInterval(timer);
  }, [active, progressUrl, load]);
  const progress = active ? poll.data?.progress : null;
  if (!progress || progress.total === 0) return null;
  const share = Math.round((100 * progress.done) / progress.total);
  return (
    <BlockStack gap="100">
      <ProgressBar progress={share} size="small" />
      <Text as="p" variant="bodySm" tone="subdued">
        {`${progress.done.toLocaleString("en-US")} of ${progress.total.toLocaleString("en-US")} points ${progress.phase} on the server`}
      </Text>
    </BlockStack>
  );
}
