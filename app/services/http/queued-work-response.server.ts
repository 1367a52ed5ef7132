import { pokeJobRunner } from "../../jobs/startup.server";

/** An endpoint's JSON answer; `queued` = the request committed jobs with its state change. */
export interface QueuedWorkAnswer {
  status: number;
  body: Record<string, unknown>;
  queued: boolean;
}

/**
 * The HTTP answer of an endpoint that queues background work (tracking webhooks, the warehouse handoff): when its
 * transaction committed jobs, this process's runner is woken so they start at once (docs/jobs.md).
 */
export function queuedWorkResponse(answer: QueuedWorkAnswer): Response {
  if (answer.queued) pokeJobRunner();
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    // What an answer leaves unread of the body, the server discards (app/server/drain-unread-body.ts).
    headers: { "Content-Type": "application/json" },
  });
}
