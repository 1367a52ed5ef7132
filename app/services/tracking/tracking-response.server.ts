import type { IngestAnswer } from "./ingest.server";

/** The HTTP answer of a tracking webhook; the Shopify pushes continue after it (failures are retried later). */
export function trackingResponse(answer: IngestAnswer): Response {
  answer.pushing?.catch((error: unknown) => {
    console.error(
      "[tracking] pushing to Shopify failed; the reconciler will retry:",
      error instanceof Error ? error.message : error,
    );
  });
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    // What an answer leaves unread of the body, the server discards (app/server/drain-unread-body.ts).
    headers: { "Content-Type": "application/json" },
  });
}
