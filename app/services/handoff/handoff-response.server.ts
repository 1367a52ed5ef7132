import { pokeJobRunner } from "../../jobs/startup.server";

/** The HTTP answer of a handoff endpoint; when it queued work, this process's runner starts it at once. */
export function handoffResponse(answer: { status: number; body: Record<string, unknown>; queued: boolean }) {
  if (answer.queued) pokeJobRunner();
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: { "Content-Type": "application/json" },
  });
}
