import { createHash } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { fromPrisma, PgBoss, type JobWithMetadata } from "pg-boss";
import { onJobEnqueued } from "./enqueue.server";
import { eraseShopJobs, hasBossSchema } from "./erase-shop-jobs.server";
import { emptyCounts, progressOf, viewOfRow } from "./job-view.server";
import { errorText, runAttempt } from "./run-attempt.server";
import type {
  JobCounts,
  JobEngine,
  JobKind,
  JobListFilter,
  JobSchedule,
  JobStatus,
  JobView,
  RunnerOptions,
} from "./types";

import { PGBOSS_SCHEMA } from "./erase-shop-jobs.server";
/** Completed jobs are kept this long, so their deterministic ids keep deduplicating keys (and the CLI lists them). */
const KEEP_COMPLETED_SECONDS = 7 * 24 * 60 * 60;
const RELAY_BATCH = 500;
/** pg-boss's group id for app-wide jobs (a group id cannot be empty). */
const APP_GROUP = "_app";

interface RawJob {
  id: string;
  name: string;
  state: string;
  data: { shop?: string; key?: string; payload?: unknown } | null;
  retry_count: number;
  retry_limit: number;
  start_after: Date;
  created_on: Date;
  completed_on: Date | null;
  output: Record<string, unknown> | null;
}

/** One job id per (kind, key): pg-boss inserts with ON CONFLICT DO NOTHING, so a repeated key adds nothing. */
export function jobIdFor(kind: string, key: string): string {
  const h = createHash("sha1").update(`${kind}\u0000${key}`).digest("hex");
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The PostgreSQL engine: pg-boss (SKIP LOCKED claims, retries with backoff and jitter, expiry of a dead worker's
 * jobs, cron, group concurrency across instances). Jobs are enqueued as outbox rows in the caller's Prisma
 * transaction; the relay moves them into pg-boss in a transaction of its own that also deletes them, so a job is
 * never lost nor relayed twice (docs/jobs.md).
 */
export class PgBossJobEngine implements JobEngine {
  readonly name = "pg-boss" as const;
  private readonly kinds = new Map<string, JobKind<never>>();
  private readonly schedules: JobSchedule[] = [];
  private readonly boss: PgBoss;
  private readonly shutdown = new AbortController();
  private relayTimer: NodeJS.Timeout | null = null;
  private relaying: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private unlisten: (() => void) | null = null;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly graceMs: number;
  private readonly log: Pick<Console, "log" | "error">;

  constructor(
    private readonly db: PrismaClient,
    connectionString: string,
    options: RunnerOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 8;
    this.pollMs = options.pollMs ?? 250;
    this.graceMs = options.shutdownGraceMs ?? 10_000;
    this.log = options.log ?? console;
    this.boss = new PgBoss({ connectionString, schema: PGBOSS_SCHEMA, useListenNotify: true });
    this.boss.on("error", (error: unknown) => this.log.error("[jobs] pg-boss:", errorText(error)));
  }

  register(kind: JobKind<never>): void {
    this.kinds.set(kind.kind, kind);
  }

  schedule(schedule: JobSchedule): void {
    this.schedules.push(schedule);
  }

  async start(): Promise<void> {
    await this.boss.start();
    for (const kind of this.kinds.values()) {
      const queue = {
        retryLimit: kind.attempts - 1,
        retryDelay: Math.ceil(kind.backoff.baseMs / 1000),
        ...(kind.backoff.baseMs > 0
          ? { retryBackoff: true, retryDelayMax: Math.max(1, Math.ceil(kind.backoff.maxMs / 1000)) }
          : { retryBackoff: false }),
        // pg-boss's own backstop; the attempt's time limit is enforced in-process (runAttempt).
        expireInSeconds: Math.max(1, Math.ceil(kind.timeoutMs / 1000) + 5),
        deleteAfterSeconds: KEEP_COMPLETED_SECONDS,
        notify: true,
      };
      if (await this.boss.getQueue(kind.kind)) await this.boss.updateQueue(kind.kind, queue);
      else await this.boss.createQueue(kind.kind, queue);
      await this.boss.work<{ shop: string; payload: unknown }>(
        kind.kind,
        {
          includeMetadata: true,
          // Batches, each job settled on its own; a full batch fetches the next at once (no poll wait).
          batchSize: 8,
          perJobResults: true,
          burstWhenBatchFull: true,
          localConcurrency: 2,
          groupConcurrency: kind.concurrencyPerShop,
          // NOTIFY wakes workers for new jobs; retries and scheduled jobs come due without one, so poll too.
          pollingIntervalSeconds: 0.5,
          notifyPollingIntervalSeconds: 0.5,
        },
        async (jobs) =>
          Promise.all(
            (jobs as JobWithMetadata<{ shop: string; payload: unknown }>[]).map(async (job) => {
              try {
                return { id: job.id, status: "completed" as const, output: await this.execute(kind, job) };
              } catch (error) {
                return { id: job.id, status: "failed" as const, output: { message: errorText(error) } };
              }
            }),
          ),
      );
    }
    for (const s of this.schedules) {
      await this.boss.schedule(
        s.kind,
        s.cron,
        { shop: "", key: s.name, payload: s.payload },
        {
          key: s.name,
          group: { id: APP_GROUP },
        },
      );
    }
    this.stopped = false;
    this.unlisten = onJobEnqueued(() => this.poke());
    this.relayTimer = setInterval(() => this.poke(), this.pollMs);
    this.relayTimer.unref();
    this.poke();
  }

  /** A process-wide limit across kinds (pg-boss limits each queue's workers; this caps their sum). */
  private async slot(): Promise<() => void> {
    if (this.active >= this.concurrency) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    return () => {
      this.active--;
      this.waiting.shift()?.();
    };
  }

  private async execute(kind: JobKind<never>, job: JobWithMetadata<{ shop: string; payload: unknown }>) {
    const release = await this.slot();
    try {
      const outcome = await runAttempt(this.db, {
        id: job.id,
        kind,
        shop: job.data.shop,
        payload: job.data.payload,
        attempt: job.retryCount + 1,
        shutdown: this.shutdown.signal,
        progress: async (progress) => {
          await this.db.$executeRawUnsafe(
            `UPDATE ${PGBOSS_SCHEMA}.job SET output = $1::jsonb WHERE name = $2 AND id = $3::uuid`,
            JSON.stringify({ progress }),
            kind.kind,
            job.id,
          );
        },
      });
      return outcome ? { dropped: outcome.drop } : { ok: true };
    } finally {
      release();
    }
  }

  poke(): void {
    if (this.stopped) return;
    if (this.relaying) {
      this.again = true;
      return;
    }
    this.relaying = this.relay()
      .catch((error: unknown) => this.log.error("[jobs] relay failed:", errorText(error)))
      .finally(() => {
        this.relaying = null;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** Moves outbox rows into pg-boss and deletes them, in one transaction (SKIP LOCKED: instances share it). */
  private async relay(): Promise<void> {
    const kinds = [...this.kinds.keys()];
    for (;;) {
      const moved = await this.db.$transaction(async (tx) => {
        const rows = await tx.$queryRawUnsafe<
          {
            id: string;
            shop: string;
            kind: string;
            key: string;
            payload: unknown;
            runAt: Date;
            maxAttempts: number;
          }[]
        >(
          `SELECT "id", "shop", "kind", "key", "payload", "runAt", "maxAttempts" FROM "Job"
           WHERE "kind" = ANY($1::text[]) ORDER BY "runAt" LIMIT ${RELAY_BATCH} FOR UPDATE SKIP LOCKED`,
          kinds,
        );
        if (rows.length === 0) return 0;
        // pg-boss statements run in this Prisma transaction (pg-boss's `db` option, its Prisma adapter).
        const executor = fromPrisma(tx);
        for (const kind of new Set(rows.map((r) => r.kind))) {
          await this.boss.insert(
            kind,
            rows
              .filter((r) => r.kind === kind)
              .map((r) => ({
                id: jobIdFor(r.kind, r.key),
                data: { shop: r.shop, key: r.key, payload: r.payload },
                startAfter: r.runAt,
                group: { id: r.shop || APP_GROUP },
                ...(r.maxAttempts ? { retryLimit: r.maxAttempts - 1 } : {}),
              })),
            { db: executor },
          );
        }
        await tx.job.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
        return rows.length;
      });
      if (moved < RELAY_BATCH) return;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unlisten?.();
    if (this.relayTimer) clearInterval(this.relayTimer);
    await this.relaying;
    // Graceful: running handlers get the grace; what is left stays active until pg-boss's expiry hands it to
    // another worker (a new attempt; its key keeps the effect single).
    await this.boss.stop({ graceful: true, timeout: this.graceMs, close: true });
    this.shutdown.abort();
  }

  private view(row: RawJob): JobView {
    const output = row.output ?? {};
    const dropped = typeof output.dropped === "string" ? output.dropped : null;
    const status: JobStatus =
      row.state === "created"
        ? "QUEUED"
        : row.state === "retry"
          ? "RETRYING"
          : row.state === "active"
            ? "RUNNING"
            : row.state === "failed"
              ? "FAILED"
              : row.state === "cancelled" || dropped
                ? "DROPPED"
                : "COMPLETED";
    const ran = row.state === "created" || row.state === "retry" ? 0 : 1;
    return {
      id: row.id,
      kind: row.name,
      shop: row.data?.shop ?? "",
      key: row.data?.key ?? "",
      status,
      attempts: row.retry_count + ran,
      maxAttempts: row.retry_limit + 1,
      runAt: row.start_after,
      createdAt: row.created_on,
      finishedAt: row.completed_on,
      error:
        status === "FAILED"
          ? typeof output.message === "string"
            ? output.message
            : JSON.stringify(output)
          : dropped,
      progress: progressOf(output.progress),
    };
  }

  private static readonly STATE_OF: Record<JobStatus, string> = {
    QUEUED: "created",
    RETRYING: "retry",
    RUNNING: "active",
    FAILED: "failed",
    COMPLETED: "completed",
    DROPPED: "completed",
  };

  async list(filter: JobListFilter): Promise<JobView[]> {
    const limit = filter.limit ?? 100;
    const values: unknown[] = [filter.shop || APP_GROUP];
    let where = "group_id = $1";
    if (filter.status) {
      values.push(PgBossJobEngine.STATE_OF[filter.status]);
      where += ` AND state = $${values.length}::${PGBOSS_SCHEMA}.job_state`;
    }
    if (filter.kind) {
      values.push(filter.kind);
      where += ` AND name = $${values.length}`;
    }
    // The CLI may list before any instance started pg-boss (its schema not created yet): the outbox only then.
    const rows = !(await hasBossSchema(this.db))
      ? []
      : await this.db.$queryRawUnsafe<RawJob[]>(
          `SELECT id::text, name, state::text, data, retry_count, retry_limit, start_after, created_on, completed_on, output
       FROM ${PGBOSS_SCHEMA}.job WHERE ${where} ORDER BY created_on DESC, id DESC LIMIT ${Number(limit)}`,
          ...values,
        );
    const outbox = await this.db.job.findMany({
      where: { shop: filter.shop, ...(filter.kind ? { kind: filter.kind } : {}) },
      take: limit,
    });
    const views = rows.map((r) => this.view(r)).filter((v) => !filter.status || v.status === filter.status);
    const pending =
      !filter.status || filter.status === "QUEUED"
        ? outbox.map((r) => viewOfRow(r, (k) => this.kinds.get(k)?.attempts ?? 0))
        : [];
    return [...pending, ...views].slice(0, limit);
  }

  async counts(shop: string): Promise<JobCounts> {
    const rows = await this.db.$queryRawUnsafe<
      { name: string; state: string; dropped: boolean; n: number }[]
    >(
      `SELECT name, state::text, (output ? 'dropped') AS dropped, COUNT(*)::int AS n FROM ${PGBOSS_SCHEMA}.job
       WHERE group_id = $1 GROUP BY name, state, (output ? 'dropped')`,
      shop || APP_GROUP,
    );
    const counts: JobCounts = {};
    for (const r of rows) {
      const status = this.view({
        id: "",
        name: r.name,
        state: r.state,
        data: null,
        retry_count: 0,
        retry_limit: 0,
        start_after: new Date(0),
        created_on: new Date(0),
        completed_on: null,
        output: r.dropped ? { dropped: "" } : null,
      }).status;
      (counts[r.name] ??= emptyCounts())[status] += r.n;
    }
    const outbox = await this.db.job.groupBy({ by: ["kind"], where: { shop }, _count: { _all: true } });
    for (const o of outbox) (counts[o.kind] ??= emptyCounts()).QUEUED += o._count._all;
    return counts;
  }

  async retry(shop: string, id: string): Promise<boolean> {
    // A fresh attempt count (pg-boss's own retry() grants one more attempt only).
    const n = await this.db.$executeRawUnsafe(
      `UPDATE ${PGBOSS_SCHEMA}.job SET state = 'retry', retry_count = 0, completed_on = NULL, output = NULL,
         start_after = now(), keep_until = now() + interval '14 days'
       WHERE id = $1::uuid AND group_id = $2 AND (state = 'failed' OR (state = 'completed' AND output ? 'dropped'))`,
      id,
      shop || APP_GROUP,
    );
    return n === 1;
  }

  async discard(shop: string, id: string): Promise<boolean> {
    const n = await this.db.$executeRawUnsafe(
      `DELETE FROM ${PGBOSS_SCHEMA}.job WHERE id = $1::uuid AND group_id = $2 AND state <> 'active'`,
      id,
      shop || APP_GROUP,
    );
    return n === 1;
  }

  async shopOfJob(id: string): Promise<string | null> {
    const outbox = await this.db.job.findUnique({ where: { id }, select: { shop: true } });
    if (outbox) return outbox.shop;
    if (!(await hasBossSchema(this.db)) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [row] = await this.db.$queryRawUnsafe<{ group_id: string }[]>(
      `SELECT group_id FROM ${PGBOSS_SCHEMA}.job WHERE id = $1::uuid LIMIT 1`,
      id,
    );
    return row ? (row.group_id === APP_GROUP ? "" : row.group_id) : null;
  }

  async eraseShop(shop: string): Promise<number> {
    return eraseShopJobs(this.db, shop);
  }
}
