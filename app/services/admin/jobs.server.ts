import type { PrismaClient } from "@prisma/client";
import { JobActionForm } from "../../contracts/job-actions";
import { zodIssuesText } from "../../contracts/zod-issues";
import { databaseUrl } from "../../db/database-url";
import { createJobEngine, registerAppJobs } from "../../jobs/runner.server";
import { JOB_STATUSES, type JobEngine } from "../../jobs/types";

/** Reads and edits jobs without running them (the server's runner does the work). */
function jobAdmin(db: PrismaClient): JobEngine {
  return registerAppJobs(createJobEngine(db, databaseUrl()), db);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Background work: per kind, how many are queued, running, retrying, failed and done; the failed ones. */
export async function jobsPage(db: PrismaClient, shop: string) {
  const admin = jobAdmin(db);
  const counts = await admin.counts(shop);
  const kinds = Object.entries(counts)
    .map(([kind, c]) => ({ kind, ...c }))
    .sort((a, b) => a.kind.localeCompare(b.kind));
  const failed = await admin.list({ shop, status: "FAILED", limit: 50 });
  const recent = await admin.list({ shop, limit: 50 });
  const view = (j: (typeof recent)[number]) => ({
    id: j.id,
    kind: j.kind,
    status: j.status,
    attempts: j.attempts,
    maxAttempts: j.maxAttempts,
    error: j.error,
    progress: j.progress,
    runAt: iso(j.runAt),
    finishedAt: iso(j.finishedAt),
  });
  return { statuses: JOB_STATUSES, kinds, failed: failed.map(view), recent: recent.map(view) };
}

export type JobActionResult = { ok: true; message: string } | { ok: false; errors: { form: string } };

/** Retry or Discard one of the shop's jobs; a job of another shop is "not found" (nothing changes). */
export async function jobAction(
  db: PrismaClient,
  shop: string,
  form: Record<string, unknown>,
): Promise<{ status: number; result: JobActionResult }> {
  const parsed = JobActionForm.safeParse(form);
  if (!parsed.success)
    return { status: 400, result: { ok: false, errors: { form: zodIssuesText(parsed.error) } } };
  const admin = jobAdmin(db);
  const { intent, id } = parsed.data;
  const done = intent === "retry" ? await admin.retry(shop, id) : await admin.discard(shop, id);
  if (!done)
    return {
      status: 409,
      result: {
        ok: false,
        errors: {
          form:
            intent === "retry"
              ? "Only a failed or dropped job of this shop can be retried"
              : "Only a job of this shop that is not running can be discarded",
        },
      },
    };
  return {
    status: 200,
    result: { ok: true, message: intent === "retry" ? "Job queued again" : "Job discarded" },
  };
}
