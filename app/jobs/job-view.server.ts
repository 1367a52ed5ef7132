import type { Job } from "@prisma/client";
import type { JobProgress, JobStatus, JobView } from "./types";

export function progressOf(value: unknown): JobProgress | null {
  if (!value || typeof value !== "object") return null;
  const { done, total, note } = value as Record<string, unknown>;
  if (typeof done !== "number" || typeof total !== "number") return null;
  return { done, total, ...(typeof note === "string" ? { note } : {}) };
}

/** A Job row as the admin page and the CLI see it (an outbox row not yet relayed is QUEUED). */
export function viewOfRow(row: Job, kindAttempts: (kind: string) => number): JobView {
  return {
    id: row.id,
    kind: row.kind,
    shop: row.shop,
    key: row.key,
    status: (row.status === "OUTBOX" ? "QUEUED" : row.status) as JobStatus,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts || kindAttempts(row.kind),
    runAt: row.runAt,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    error: row.lastError,
    progress: progressOf(row.progress),
  };
}

export function emptyCounts(): Record<JobStatus, number> {
  return { QUEUED: 0, RUNNING: 0, RETRYING: 0, COMPLETED: 0, FAILED: 0, DROPPED: 0 };
}
