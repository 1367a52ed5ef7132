import { pokeJobRunner } from "../../jobs/startup.server";
import type { IngestAnswer } from "./ingest.server";

/**
 * The HTTP answer of a tracking webhook. The Shopify writes its transitions queued go out through their
 * `tracking.push` jobs, committed with the events: wake this process's runner so they start at once.
 */
export function trackingResponse(answer: IngestAnswer): Response {
  if (answer.pushQueued) pokeJobRunner();
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    // What an answer leaves unread of the body, the server discards (app/server/drain-unread-body.ts).
    headers: { "Content-Type": "application/json" },
  });
}
