import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "@prisma/client";
import { fromPrisma, PgBoss, type JobWithMetadata } from "pg-boss";
import { POSTGRES_REPEATABLE_READ } from "../db/postgres.server";
import { backoffDelayMs } from "./backoff";
import { onJobEnqueued } from "./enqueue.server";
import { eraseShopJobs, hasBossSchema, PGBOSS_SCHEMA } from "./erase-shop-jobs.server";
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

/** Completed jobs are kept this long, so their deterministic ids keep deduplicating keys (and the CLI lists them). */
const KEEP_COMPLETED_SECONDS = 7 * 24 * 60 * 60;
const RELAY_BATCH = 500;
/** pg-boss's group id for app-wide jobs (a group id cannot be empty). */
const APP_GROUP = "_app";
/**
 * A result that could not be written (the database unreachable) is tried again this often, for about two minutes:
 * a result written late is better than the job run again after its expiry (CI's loaded 10 s outage outlasted 20 s).
 */
const SETTLE_RETRY_MS = 500;
const SETTLE_TRIES = 240;

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

type BossJob = JobWithMetadata<{ shop: string; payload: unknown }>;

interface Running {
  kind: JobKind<never>;
  job: BossJob;
  /** Handed back to pg-boss at shutdown: the handler's late result is not recorded. */
  released: boolean;
  done: Promise<void>;
}

/** One job id per (kind, key): pg-boss inserts with ON CONFLICT DO NOTHING, so a repeated key adds nothing. */
export function jobIdFor(kind: string, key: string): string {
  const h = createHash("sha1").update(`${kind}\u0000${key}`).digest("hex");
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The outbox rows whose key pg-boss does not hold yet. A key enqueued again after the relay moved its job adds an
 * outbox row that the next relay discards (its insert does nothing on the existing id): until then it is not a second
 * job, so list() and counts() leave it out.
 */
async function notYetRelayed<R extends { kind: string; key: string }>(
  tx: Prisma.TransactionClient,
  outbox: R[],
  bossSchema: boolean,
): Promise<R[]> {
  if (outbox.length === 0 || !bossSchema) return outbox;
  const ids = outbox.map((r) => jobIdFor(r.kind, r.key));
  const held = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id::text FROM ${PGBOSS_SCHEMA}.job WHERE id = ANY($1::uuid[])`,
    ids,
  );
  if (held.length === 0) return outbox;
  const heldIds = new Set(held.map((h) => h.id));
  return outbox.filter((_, i) => !heldIds.has(ids[i]));
}

/**
 * The PostgreSQL engine: pg-boss (SKIP LOCKED claims, expiry of a dead worker's jobs, cron, group concurrency
 * across instances). Jobs are enqueued as outbox rows in the caller's Prisma transaction; the relay moves them into
 * pg-boss in a transaction of its own that also deletes them, so a job is never lost nor relayed twice
 * (docs/jobs.md). This engine claims jobs itself (`boss.fetch`) rather than through `boss.work`: a job is claimed
 * only for a free slot of the process (so a claimed job never waits, using up its expiry, while others run), the
 * per-shop limit counts the shop's jobs of every kind, and a job still running when the shutdown grace ends is
 * handed back without spending an attempt (pg-boss's own shutdown fails it).
 */
export class PgBossJobEngine implements JobEngine {
  readonly name = "pg-boss" as const;
  private readonly kinds = new Map<string, JobKind<never>>();
  private readonly schedules: JobSchedule[] = [];
  private readonly boss: PgBoss;
  private readonly shutdown = new AbortController();
  private readonly running = new Map<string, Running>();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private again = false;
  private relayDue = true;
  private stopped = true;
  private unlisten: (() => void) | null = null;
  private rotation = 0;
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
    const supervise = options.superviseIntervalSeconds;
    this.boss = new PgBoss({
      connectionString,
      schema: PGBOSS_SCHEMA,
      // How often an expired claim (a dead worker's job) is handed on, and cron occurrences are looked for.
      ...(supervise
        ? {
            superviseIntervalSeconds: supervise,
            monitorIntervalSeconds: supervise,
            cronMonitorIntervalSeconds: Math.min(45, supervise),
            cronWorkerIntervalSeconds: Math.min(45, supervise),
          }
        : {}),
    });
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
        // pg-boss's own delay applies only to a claim that expired (its worker died): the job runs again a second
        // later, as on SQLite once a dead worker's claim lapses. A failed attempt's next run time is set from
        // backoffDelayMs in the transaction that fails it (`fail`).
        retryDelay: 1,
        retryBackoff: false,
        // pg-boss's own backstop; the attempt's time limit is enforced in-process (runAttempt).
        expireInSeconds: Math.max(1, Math.ceil(kind.timeoutMs / 1000) + 5),
        deleteAfterSeconds: KEEP_COMPLETED_SECONDS,
      };
      if (await this.boss.getQueue(kind.kind)) await this.boss.updateQueue(kind.kind, queue);
      else await this.boss.createQueue(kind.kind, queue);
    }
    for (const s of this.schedules) {
      await this.boss.schedule(
        s.kind,
        s.cron,
        { shop: "", key: s.name, payload: s.payload },
        { key: s.name, group: { id: APP_GROUP } },
      );
    }
    this.stopped = false;
    this.unlisten = onJobEnqueued(() => this.poke());
    this.timer = setInterval(() => this.poke(), this.pollMs);
    this.timer.unref();
    this.poke();
  }

  /** Wakes the runner: relays the outbox, then claims what the free slots allow. */
  poke(): void {
    this.relayDue = true;
    this.wake();
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = this.tick().finally(() => {
      this.ticking = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async tick(): Promise<void> {
    if (this.relayDue) {
      this.relayDue = false;
      // The database may be unreachable for a while: nothing is lost (the rows stay), the next poll tries again.
      await this.relay().catch((error: unknown) => this.log.error("[jobs] relay failed:", errorText(error)));
    }
    await this.claim().catch((error: unknown) => this.log.error("[jobs] claim failed:", errorText(error)));
  }

  /**
   * Claims due jobs for the free slots only. The per-shop limit counts the shop's running jobs of every kind
   * (Shopify's API limits are per shop; app-wide jobs count per kind), across instances: pg-boss's
   * groupConcurrency (one queue) plus the shops already full (`ignoreGroups`); a job a batch still took past
   * the limit is handed back at once, its attempt unspent.
   */
  private async claim(): Promise<void> {
    const names = [...this.kinds.keys()];
    if (names.length === 0) return;
    for (;;) {
      let free = this.concurrency - this.running.size;
      if (free <= 0 || this.stopped) return;
      const rows = await this.db.$queryRawUnsafe<{ name: string; group_id: string | null; n: number }[]>(
        `SELECT name, group_id, COUNT(*)::int AS n FROM ${PGBOSS_SCHEMA}.job
          WHERE name = ANY($1::text[]) AND state = 'active' GROUP BY name, group_id
         UNION ALL
         SELECT k.name, NULL, -1 FROM unnest($1::text[]) AS k(name)
          WHERE EXISTS (SELECT 1 FROM ${PGBOSS_SCHEMA}.job j
                         WHERE j.name = k.name AND j.state < 'active' AND j.start_after <= now())`,
        names,
      );
      const shopBusy = new Map<string, number>();
      const appBusy = new Map<string, number>();
      const ready: string[] = [];
      for (const r of rows) {
        if (r.n < 0) ready.push(r.name);
        else if (!r.group_id || r.group_id === APP_GROUP)
          appBusy.set(r.name, (appBusy.get(r.name) ?? 0) + r.n);
        else shopBusy.set(r.group_id, (shopBusy.get(r.group_id) ?? 0) + r.n);
      }
      if (ready.length === 0) return;
      const start = this.rotation++ % ready.length;
      let launched = 0;
      for (const name of [...ready.slice(start), ...ready.slice(0, start)]) {
        if (free <= 0 || this.stopped) break;
        const kind = this.kinds.get(name)!;
        const limit = kind.concurrencyPerShop;
        const full = [...shopBusy].filter(([, n]) => n >= limit).map(([g]) => g);
        if ((appBusy.get(name) ?? 0) >= limit) full.push(APP_GROUP);
        const jobs = await this.boss.fetch<{ shop: string; payload: unknown }>(name, {
          batchSize: free,
          includeMetadata: true,
          groupConcurrency: limit,
          ...(full.length ? { ignoreGroups: full } : {}),
        });
        const excess: BossJob[] = [];
        for (const job of jobs) {
          const group = job.groupId ?? APP_GROUP;
          const busy = group === APP_GROUP ? appBusy : shopBusy;
          const key = group === APP_GROUP ? name : group;
          if ((busy.get(key) ?? 0) >= limit || free <= 0 || this.stopped) {
            excess.push(job);
            continue;
          }
          busy.set(key, (busy.get(key) ?? 0) + 1);
          free--;
          launched++;
          this.launch(kind, job);
        }
        if (excess.length) await this.release(name, excess);
      }
      if (launched === 0) return;
    }
  }

  /** Hands claimed jobs back to the queue without spending an attempt (pg-boss's restore, fenced by attempt). */
  private async release(name: string, jobs: BossJob[]): Promise<void> {
    await this.db.$executeRawUnsafe(
      `UPDATE ${PGBOSS_SCHEMA}.job SET state = 'created', started_on = NULL, heartbeat_on = NULL
        WHERE name = $1 AND state = 'active' AND (id::text || ':' || retry_count::text) = ANY($2::text[])`,
      name,
      jobs.map((j) => `${j.id.toLowerCase()}:${j.retryCount}`),
    );
  }

  private launch(kind: JobKind<never>, job: BossJob): void {
    const entry = { kind, job, released: false } as Running;
    entry.done = this.execute(entry)
      .catch((error: unknown) =>
        this.log.error(`[jobs] ${kind.kind} ${job.id}: could not record the result:`, errorText(error)),
      )
      .finally(() => {
        this.running.delete(job.id);
        this.wake();
      });
    this.running.set(job.id, entry);
  }

  private async execute(entry: Running): Promise<void> {
    const { kind, job } = entry;
    const attempt = { id: job.id, retryCount: job.retryCount };
    let failure: string | null = null;
    let output: Record<string, unknown> = { ok: true };
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
      if (outcome) output = { dropped: outcome.drop };
    } catch (error) {
      failure = errorText(error);
    }
    // A result that cannot be written yet (the database unreachable) is tried again until it is, so the job does
    // not run twice; if it never is, pg-boss's expiry hands the job on (its key keeps the effect single).
    for (let tries = 1; !entry.released; tries++) {
      try {
        if (failure === null) await this.boss.complete(kind.kind, attempt, output);
        else await this.fail(kind, job, failure);
        return;
      } catch (error) {
        if (tries >= SETTLE_TRIES) throw error;
        await sleep(SETTLE_RETRY_MS);
      }
    }
  }

  /**
   * pg-boss fails the attempt (or the job, after the last one) and the next run time comes from backoffDelayMs, in
   * one transaction: no worker sees the job due between the two.
   */
  private async fail(kind: JobKind<never>, job: BossJob, message: string): Promise<void> {
    const delayMs = backoffDelayMs(kind.backoff, job.retryCount + 1);
    await this.db.$transaction(async (tx) => {
      await this.boss.fail(
        kind.kind,
        { id: job.id, retryCount: job.retryCount },
        { message },
        { db: fromPrisma(tx) },
      );
      await tx.$executeRawUnsafe(
        `UPDATE ${PGBOSS_SCHEMA}.job SET start_after = now() + ($3::int * interval '1 millisecond')
          WHERE name = $1 AND id = $2::uuid AND state = 'retry'`,
        kind.kind,
        job.id,
        delayMs,
      );
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
    if (this.stopped && !this.timer) return;
    this.stopped = true;
    this.unlisten?.();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
    // Graceful: running handlers get the grace; what is still running then is handed back to the queue at once,
    // its attempt unspent, for another worker (its key keeps the effect single).
    const all = Promise.all([...this.running.values()].map((r) => r.done));
    let graceTimer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<"grace">((r) => (graceTimer = setTimeout(() => r("grace"), this.graceMs)));
    const ended = await Promise.race([all.then(() => "done" as const), graceOver]);
    clearTimeout(graceTimer);
    if (ended === "grace") {
      const left = [...this.running.values()];
      for (const r of left) r.released = true;
      this.shutdown.abort();
      for (const name of new Set(left.map((r) => r.kind.kind))) {
        await this.release(
          name,
          left.filter((r) => r.kind.kind === name).map((r) => r.job),
        ).catch((error: unknown) =>
          // Not released: pg-boss's expiry hands the jobs on instead.
          this.log.error("[jobs] could not release running jobs:", errorText(error)),
        );
      }
    }
    await this.boss.stop({ graceful: true, timeout: 1_000, close: true });
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
    // Both tables are read in one snapshot: the relay moves a job from the outbox into pg-boss in one transaction,
    // and two separate reads could fall either side of its commit and miss the job
    // (https://www.postgresql.org/docs/current/transaction-iso.html#XACT-REPEATABLE-READ).
    const { rows, outbox } = await this.db.$transaction(
      async (tx) => {
        // The CLI may list before any instance started pg-boss (its schema not created yet): the outbox only then.
        const boss = await hasBossSchema(tx);
        return {
          rows: !boss
            ? []
            : await tx.$queryRawUnsafe<RawJob[]>(
                `SELECT id::text, name, state::text, data, retry_count, retry_limit, start_after, created_on, completed_on, output
       FROM ${PGBOSS_SCHEMA}.job WHERE ${where} ORDER BY created_on DESC, id DESC LIMIT ${Number(limit)}`,
                ...values,
              ),
          outbox: await notYetRelayed(
            tx,
            await tx.job.findMany({
              where: { shop: filter.shop, ...(filter.kind ? { kind: filter.kind } : {}) },
              take: limit,
            }),
            boss,
          ),
        };
      },
      { isolationLevel: POSTGRES_REPEATABLE_READ },
    );
    const views = rows.map((r) => this.view(r)).filter((v) => !filter.status || v.status === filter.status);
    const pending =
      !filter.status || filter.status === "QUEUED"
        ? outbox.map((r) => viewOfRow(r, (k) => this.kinds.get(k)?.attempts ?? 0))
        : [];
    return [...pending, ...views].slice(0, limit);
  }

  async counts(shop: string): Promise<JobCounts> {
    // One snapshot of both tables, as in list(): a job being relayed is counted once.
    const [rows, outbox] = await this.db.$transaction(
      async (tx) =>
        [
          await tx.$queryRawUnsafe<{ name: string; state: string; dropped: boolean; n: number }[]>(
            `SELECT name, state::text, (output ? 'dropped') AS dropped, COUNT(*)::int AS n FROM ${PGBOSS_SCHEMA}.job
       WHERE group_id = $1 GROUP BY name, state, (output ? 'dropped')`,
            shop || APP_GROUP,
          ),
          await notYetRelayed(
            tx,
            await tx.job.findMany({ where: { shop }, select: { id: true, kind: true, key: true } }),
            true,
          ),
        ] as const,
      { isolationLevel: POSTGRES_REPEATABLE_READ },
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
    for (const o of outbox) (counts[o.kind] ??= emptyCounts()).QUEUED += 1;
    return counts;
  }

  async retry(shop: string, id: string): Promise<boolean> {
    // A fresh attempt count: retry_count 0 and started_on cleared, so the next claim is attempt 1 (pg-boss's own
    // retry() grants one more attempt only).
    const n = await this.db.$executeRawUnsafe(
      `UPDATE ${PGBOSS_SCHEMA}.job SET state = 'retry', retry_count = 0, started_on = NULL, completed_on = NULL,
         output = NULL,
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
