import { useFetcher, useRevalidator } from "@remix-run/react";
import { Banner, BlockStack, ProgressBar, Text } from "@shopify/polaris";
import { useEffect, useRef } from "react";
import type { latestUpsRefresh } from "../../services/admin/pickup-ups-form.server";

type Refresh = Awaited<ReturnType<typeof latestUpsRefresh>>;
const POLL_MS = 1_000;

/**
 * The latest "refresh from UPS" job: while it waits or runs, polls `/app/pickup-points/ups-refresh` each second and
 * shows the areas searched so far; once it ends, UPS's error (a failed or dropped job) or nothing (the card shows
 * the summary).
 */
export function UpsRefreshProgress({ initial }: { initial: Refresh }) {
  const poll = useFetcher<{ refresh: Refresh }>();
  const { load } = poll;
  const refresh = poll.data ? poll.data.refresh : initial;
  const running = refresh?.running ?? false;
  const { revalidate } = useRevalidator();
  const wasRunning = useRef(running);
  useEffect(() => {
    // Once the job ends, the page reads the new directory and the refresh's summary.
    if (wasRunning.current && !running) revalidate();
    wasRunning.current = running;
    if (!running) return;
    const timer = setInterval(() => load("/app/pickup-points/ups-refresh"), POLL_MS);
    return () => clearInterval(timer);
  }, [running, load, revalidate]);
  if (!refresh) return null;
  if (refresh.running) {
    const p = refresh.progress;
    const share = p && p.total > 0 ? Math.round((100 * p.done) / p.total) : 0;
    return (
      <BlockStack gap="100">
        <ProgressBar progress={share} size="small" />
        <Text as="p" variant="bodySm" tone="subdued">
          {p
            ? `${p.done} of ${p.total} areas searched${p.note ? `: ${p.note}` : ""}`
            : "Refresh from UPS queued"}
          {refresh.status === "RETRYING"
            ? ` — attempt ${refresh.attempts} of ${refresh.maxAttempts} failed (${refresh.error ?? "error"}), trying again`
            : ""}
        </Text>
      </BlockStack>
    );
  }
  if (refresh.status === "FAILED" || refresh.status === "DROPPED")
    return (
      <Banner tone="critical" title="The last refresh from UPS did not finish">
        <p>{refresh.error ?? "No reason recorded"}</p>
      </Banner>
    );
  return null;
}
