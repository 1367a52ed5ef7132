// The job runner's interface (docs/jobs.md): one contract, two engines — a Prisma table on SQLite (one process)
// and pg-boss on PostgreSQL (many instances). Callers only ever see this file and `enqueueJob`.
import type { Prisma } from "@prisma/client";

/** QUEUED/RETRYING wait for their time; FAILED keeps its last error; DROPPED says why it never ran. */
export type JobStatus = "QUEUED" | "RUNNING" | "RETRYING" | "COMPLETED" | "FAILED" | "DROPPED";
export const JOB_STATUSES: readonly JobStatus[] = [
  "QUEUED",
  "RUNNING",
  "RETRYING",
  "COMPLETED",
  "FAILED",
  "DROPPED",
];

export interface JobProgress {
  done: number;
  total: number;
  note?: string;
}

export interface JobContext {
  id: string;
  kind: string;
  /** "" for app-wide work. */
  shop: string;
  /** 1 for the first run. */
  attempt: number;
  /** Aborted when the attempt's time limit passes or the runner shuts down. */
  signal: AbortSignal;
  progress(progress: JobProgress): Promise<void>;
}

/** What a handler may return: nothing (done) or a reason the work no longer applies (recorded, not retried). */
export type JobOutcome = void | { drop: string };

export interface BackoffPolicy {
  /** Delay before the second attempt; doubles each attempt, with jitter (half to full of the doubled delay). */
  baseMs: number;
  maxMs: number;
}

/** One kind of job: its handler and its rules. One file per kind in app/jobs/kinds/. */
export interface JobKind<P = unknown> {
  kind: string;
  /** Runs in all, the first included; after the last one the job is FAILED with its error. */
  attempts: number;
  backoff: BackoffPolicy;
  /** Time limit of one attempt. */
  timeoutMs: number;
  /** At most this many jobs of this kind run at once for one shop (Shopify's API limits are per shop). */
  concurrencyPerShop: number;
  handler(payload: P, context: JobContext): Promise<JobOutcome>;
}

/** A recurring job: enqueued at every cron occurrence (UTC), once across instances (the occurrence is its key). */
export interface JobSchedule {
  name: string;
  kind: string;
  /** Five-field cron, e.g. "*\/5 * * * *". */
  cron: string;
  payload: Prisma.InputJsonValue;
}

export interface EnqueueOptions {
  /** Unique per kind: enqueueing the same key again adds nothing (duplicate webhooks, retries, restarts). */
  key: string;
  /** The shop the work is for ("" = app-wide). Jobs of an uninstalled shop are dropped; shop/redact erases them. */
  shop: string;
  runAt?: Date;
  /** Overrides the kind's attempt limit for this job. */
  attempts?: number;
}

export interface JobView {
  id: string;
  kind: string;
  shop: string;
  key: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  createdAt: Date;
  finishedAt: Date | null;
  error: string | null;
  progress: JobProgress | null;
}

export interface JobListFilter {
  shop: string;
  status?: JobStatus;
  kind?: string;
  limit?: number;
}

export type JobCounts = Record<string, Record<JobStatus, number>>;

export interface RunnerOptions {
  /** Jobs running at once in this process, all kinds together. */
  concurrency?: number;
  /** How often an idle runner looks for due jobs (an enqueue in this process wakes it at once). */
  pollMs?: number;
  /** On stop: how long running jobs get to finish before they are released for another worker. */
  shutdownGraceMs?: number;
  /**
   * PostgreSQL (pg-boss) only: how often pg-boss hands on the jobs of a worker that died (their expiry passed) and
   * looks for due cron occurrences. pg-boss's default is 60 s; at least 1.
   */
  superviseIntervalSeconds?: number;
  log?: Pick<Console, "log" | "error">;
}

/** The runner both engines implement; the contract suite (tests/jobs) runs against each. */
export interface JobEngine {
  readonly name: "sqlite" | "pg-boss";
  register(kind: JobKind<never>): void;
  schedule(schedule: JobSchedule): void;
  start(): Promise<void>;
  /** Graceful: stops taking jobs; running ones finish within the grace or are released for another worker. */
  stop(): Promise<void>;
  /** Wakes the runner (an enqueue just committed). */
  poke(): void;
  list(filter: JobListFilter): Promise<JobView[]>;
  counts(shop: string): Promise<JobCounts>;
  /** A FAILED (or DROPPED) job runs again with a fresh attempt count. Scoped to the shop. */
  retry(shop: string, id: string): Promise<boolean>;
  /** Removes a job that is not running. Scoped to the shop. */
  discard(shop: string, id: string): Promise<boolean>;
  /** The shop a job belongs to (the CLI's `jobs retry <id>` on the operator's side), null if there is none. */
  shopOfJob(id: string): Promise<string | null>;
  /** shop/redact: every job of the shop, in every state. */
  eraseShop(shop: string): Promise<number>;
}
